import type { StateNames, TransitionTable } from '../../common/state-machine';
import type { ContractState } from './contract.model';

// A defaulted contract can come back to ACTIVE once it is paid up (the settlement issue does that).
export const CONTRACT_TRANSITIONS: TransitionTable<ContractState> = {
  FREE_PERIOD: ['ACTIVE', 'EXITED', 'TERMINATED', 'DEFAULTED'],
  ACTIVE: ['COMPLETED', 'TERMINATED', 'DEFAULTED'],
  DEFAULTED: ['ACTIVE', 'TERMINATED'],
  COMPLETED: [],
  EXITED: [],
  TERMINATED: [],
};

export const CONTRACT_STATE_NAMES: StateNames<ContractState> = {
  FREE_PERIOD: 'free period',
  ACTIVE: 'active',
  DEFAULTED: 'defaulted',
  COMPLETED: 'completed',
  EXITED: 'exited',
  TERMINATED: 'terminated',
};
