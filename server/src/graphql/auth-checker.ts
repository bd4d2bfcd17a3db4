import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { AppError, type MessageId } from '../common/errors';
import { isPlatformAdmin, ROLES, type Role } from '../common/request-context';
import type { GraphQLContext } from './context';

/**
 * The access rules an operation declares with `@Authorized(...)`:
 * - `Access.PUBLIC`: anyone, signed in or not;
 * - no argument: any signed-in user;
 * - roles: a signed-in user holding one of them in some organisation (the service then checks it is the right one);
 * - `Access.PLATFORM_ADMIN`: an admin of the platform organisation.
 * Every root field declares one; a test walks the schema to make sure.
 */
export const Access = { PUBLIC: 'PUBLIC', PLATFORM_ADMIN: 'PLATFORM_ADMIN' } as const;
export type AccessRule = Role | (typeof Access)[keyof typeof Access];

const RULE_NAMES: Record<AccessRule, MessageId> = {
  TTO_MANAGER: 'tto manager',
  SME_MEMBER: 'sme member',
  FINANCE: 'finance',
  ADMIN: 'admin',
  PLATFORM_ADMIN: 'platform admin',
  PUBLIC: 'public',
};

export class AuthChecker implements AuthCheckerInterface<GraphQLContext, AccessRule> {
  check({ context }: ResolverData<GraphQLContext>, rules: AccessRule[]): boolean {
    if (rules.includes(Access.PUBLIC)) return true;
    const viewer = context.request.viewer;
    if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to do this.');
    if (rules.length === 0) return true;
    if (rules.includes(Access.PLATFORM_ADMIN) && isPlatformAdmin(viewer)) return true;
    const roles = rules.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
    if (roles.some((role) => viewer.memberships.some((m) => m.roles.includes(role)))) return true;
    throw AppError.forbidden('This needs the {{roles}} role.', {
      roles: { anyOf: rules.map((rule) => ({ message: RULE_NAMES[rule] })) },
    });
  }
}
