import { useOutletContext } from 'react-router';
import type { Membership } from './session';

/** The membership the guarding RequireRole chose for this page. */
export function useMembership(): Membership {
  return useOutletContext<Membership>();
}
