import type { StateNames, TransitionTable } from '../../common/state-machine';
import type { PatentState } from './patent.fields';

// Only published patents are public. A withdrawn patent can be reworked as a draft or published again as it is.
export const PATENT_TRANSITIONS: TransitionTable<PatentState> = {
  DRAFT: ['PUBLISHED'],
  PUBLISHED: ['WITHDRAWN'],
  WITHDRAWN: ['DRAFT', 'PUBLISHED'],
};

export const PATENT_STATE_NAMES: StateNames<PatentState> = {
  DRAFT: 'draft',
  PUBLISHED: 'published',
  WITHDRAWN: 'withdrawn',
};
