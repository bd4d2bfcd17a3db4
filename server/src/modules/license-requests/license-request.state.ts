import type { StateNames, TransitionTable } from '../../common/state-machine';
import type { RequestState } from './license-request.model';

// Whose turn it is is the state: the licensor answers a request or a counter, the licensee answers a counter.
// Either side may withdraw while it is open; AGREED creates the contract.
export const REQUEST_TRANSITIONS: TransitionTable<RequestState> = {
  AWAITING_LICENSOR: ['AWAITING_LICENSEE', 'AGREED', 'REJECTED', 'WITHDRAWN'],
  AWAITING_LICENSEE: ['AWAITING_LICENSOR', 'AGREED', 'WITHDRAWN'],
  AGREED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

export const REQUEST_STATE_NAMES: StateNames<RequestState> = {
  AWAITING_LICENSOR: 'awaiting licensor',
  AWAITING_LICENSEE: 'awaiting licensee',
  AGREED: 'agreed',
  REJECTED: 'rejected',
  WITHDRAWN: 'withdrawn',
};
