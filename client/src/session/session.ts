import type { OrganizationKind, Role, SessionFragment } from '../graphql/generated/graphql';

/** What a signed-in browser keeps: the tokens the API issued and who they belong to. */
export type Session = SessionFragment;
export type SessionUser = Session['user'];
export type Membership = SessionUser['memberships'][number];

/** Renew the access token this long before it expires, so a request never leaves with one about to lapse. */
export const REFRESH_MARGIN_MS = 60_000;

/** Whether the access token should be renewed before the next request. */
export function needsRefresh(session: Session, now: Date): boolean {
  return Date.parse(session.accessTokenExpiresAt) - now.getTime() <= REFRESH_MARGIN_MS;
}

/** Whether the refresh token can still renew the session; when it cannot, the person must sign in again. */
export function canRefresh(session: Session, now: Date): boolean {
  return Date.parse(session.refreshTokenExpiresAt) > now.getTime();
}

/**
 * The organisation the person works in: the one they chose if they still belong to it, else their first. Null for
 * someone who has not yet created or joined one.
 */
export function activeMembership(user: SessionUser, chosenOrganizationId: string | null): Membership | null {
  return (
    user.memberships.find((membership) => membership.organizationId === chosenOrganizationId) ??
    user.memberships[0] ??
    null
  );
}

/** The kinds of work the interface offers; each route asks for one. */
export type Workspace = 'sme' | 'tto' | 'finance' | 'member';

const INSTITUTION_KINDS: readonly OrganizationKind[] = ['UNIVERSITY', 'RESEARCH_INSTITUTE'];

/** Whether a membership lets its holder into a workspace. */
export function membershipFits(
  membership: Membership,
  workspace: Workspace,
  roles: readonly Role[],
): boolean {
  if (workspace === 'sme' && membership.organizationKind !== 'SME') return false;
  if (workspace === 'tto' && !INSTITUTION_KINDS.includes(membership.organizationKind)) return false;
  // The ledger and reconciliation are the platform's: its finance staff and its admins, not an SME's accountant.
  if (workspace === 'finance' && membership.organizationKind !== 'PLATFORM') return false;
  return roles.length === 0 || membership.roles.some((role) => roles.includes(role));
}

/**
 * The membership a route should run under: the active one if it fits, else the first that does (so that a link to a
 * TTO page works for someone whose active organisation is their SME), else null: the page is not for them.
 */
export function membershipForRoute(
  user: SessionUser,
  chosenOrganizationId: string | null,
  workspace: Workspace,
  roles: readonly Role[],
): Membership | null {
  const active = activeMembership(user, chosenOrganizationId);
  if (active && membershipFits(active, workspace, roles)) return active;
  return user.memberships.find((membership) => membershipFits(membership, workspace, roles)) ?? null;
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
