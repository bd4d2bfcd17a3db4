import type { Clock } from './clock';
import { AppError, type MessageId } from './errors';

export const ROLES = ['TTO_MANAGER', 'SME_MEMBER', 'FINANCE', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

// Ownership refusals name the roles by their codes in English, as the API's schema does.
const ROLE_CODES: Record<Role, MessageId> = {
  TTO_MANAGER: 'TTO_MANAGER',
  SME_MEMBER: 'SME_MEMBER',
  FINANCE: 'FINANCE',
  ADMIN: 'ADMIN',
};

export const ORGANIZATION_KINDS = ['UNIVERSITY', 'RESEARCH_INSTITUTE', 'SME', 'PLATFORM'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export type Membership = { organizationId: string; organizationKind: OrganizationKind; roles: Role[] };

/** Who is asking: a signed-in user and the organisations they act for. */
export type Viewer = { userId: string; email: string; memberships: Membership[] };

/** What every service method receives first: who asks, from where, and what time it is. */
export type RequestContext = {
  requestId: string;
  viewer: Viewer | null;
  ipAddress: string;
  clock: Clock;
  /** A script (seed, contract engine) acting for the platform itself: ownership rules do not apply. */
  system: boolean;
};

export function requireViewer(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to do this.');
  return ctx.viewer;
}

export function hasRole(viewer: Viewer | null, organizationId: string, ...roles: Role[]): boolean {
  const membership = viewer?.memberships.find((m) => m.organizationId === organizationId);
  return Boolean(membership && roles.some((role) => membership.roles.includes(role)));
}

/** Ownership: the viewer must hold one of these roles in this very organisation. */
export function requireRoleIn(ctx: RequestContext, organizationId: string, ...roles: Role[]): Viewer | null {
  if (ctx.system) return null;
  const viewer = requireViewer(ctx);
  if (!hasRole(viewer, organizationId, ...roles)) {
    throw AppError.forbidden('This needs the {{roles}} role in the organisation concerned.', {
      roles: { anyOf: roles.map((role) => ({ message: ROLE_CODES[role] })) },
    });
  }
  return viewer;
}

export function isPlatformAdmin(viewer: Viewer | null): boolean {
  return Boolean(
    viewer?.memberships.some((m) => m.organizationKind === 'PLATFORM' && m.roles.includes('ADMIN')),
  );
}

/** A system context for scripts (seed, contract engine): no viewer, but the same services and rules. */
export function systemContext(clock: Clock, requestId = 'system'): RequestContext {
  return { requestId, viewer: null, ipAddress: '127.0.0.1', clock, system: true };
}
