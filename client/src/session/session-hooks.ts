import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { SignOutDocument, type Role } from '../graphql/generated/graphql';
import { membershipForRoute, activeMembership, type Membership, type Workspace } from './session';
import { currentSession, endSession, useSessionState } from './session-store';

export function useSession() {
  const { session, organizationId } = useSessionState();
  return {
    session,
    user: session?.user ?? null,
    membership: session ? activeMembership(session.user, organizationId) : null,
  };
}

/** The membership a page works under, or null when the person may not use it. */
export function useRouteMembership(workspace: Workspace, roles: readonly Role[]): Membership | null {
  const { session, organizationId } = useSessionState();
  return session ? membershipForRoute(session.user, organizationId, workspace, roles) : null;
}

export function useSignOut(): () => Promise<void> {
  const client = useApolloClient();
  return useCallback(async () => {
    const session = currentSession();
    if (session) {
      // Ends the refresh token on the server too; signing out locally must not wait on it.
      await client
        .mutate({ mutation: SignOutDocument, variables: { refreshToken: session.refreshToken } })
        .catch(() => undefined);
    }
    endSession();
    await client.clearStore();
  }, [client]);
}
