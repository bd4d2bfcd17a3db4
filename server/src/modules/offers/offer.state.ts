import type { StateNames, TransitionTable } from '../../common/state-machine';
import type { OfferState } from './offer.model';

// A withdrawn offer stays withdrawn: contracts signed under it keep their own copy of the terms, and new terms are
// a new offer.
export const OFFER_TRANSITIONS: TransitionTable<OfferState> = {
  DRAFT: ['PUBLISHED', 'WITHDRAWN'],
  PUBLISHED: ['WITHDRAWN'],
  WITHDRAWN: [],
};

export const OFFER_STATE_NAMES: StateNames<OfferState> = {
  DRAFT: 'draft',
  PUBLISHED: 'published',
  WITHDRAWN: 'withdrawn',
};
