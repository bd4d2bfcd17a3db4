import type { TransitionTable } from '../../common/state-machine';
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
