import {
  activeMembership,
  canRefresh,
  membershipForRoute,
  needsRefresh,
  safeNextPath,
  type Session,
  type SessionUser,
} from './session';

const user: SessionUser = {
  id: 'u1',
  email: 'li@example.org',
  displayName: 'Li',
  memberships: [
    { organizationId: 'sme-1', organizationKind: 'SME', roles: ['ADMIN', 'SME_MEMBER'] },
    { organizationId: 'uni-1', organizationKind: 'UNIVERSITY', roles: ['TTO_MANAGER'] },
    { organizationId: 'uni-2', organizationKind: 'RESEARCH_INSTITUTE', roles: ['FINANCE'] },
  ],
};

const session = (accessTokenExpiresAt: string, refreshTokenExpiresAt: string): Session => ({
  accessToken: 'a',
  refreshToken: 'r',
  accessTokenExpiresAt,
  refreshTokenExpiresAt,
  user,
});

describe('needsRefresh and canRefresh', () => {
  const now = new Date('2026-11-01T10:00:00Z');

  it('renews an access token within a minute of its expiry, not before', () => {
    expect(needsRefresh(session('2026-11-01T10:01:01Z', '2026-12-01T00:00:00Z'), now)).toBe(false);
    expect(needsRefresh(session('2026-11-01T10:01:00Z', '2026-12-01T00:00:00Z'), now)).toBe(true);
    expect(needsRefresh(session('2026-11-01T09:00:00Z', '2026-12-01T00:00:00Z'), now)).toBe(true);
  });

  it('cannot renew with an expired refresh token', () => {
    expect(canRefresh(session('2026-11-01T09:00:00Z', '2026-11-01T10:00:00Z'), now)).toBe(false);
    expect(canRefresh(session('2026-11-01T09:00:00Z', '2026-11-01T10:00:01Z'), now)).toBe(true);
  });
});

describe('activeMembership', () => {
  it('keeps the chosen organisation, falls back to the first, and is null without any', () => {
    expect(activeMembership(user, 'uni-1')?.organizationId).toBe('uni-1');
    expect(activeMembership(user, 'gone')?.organizationId).toBe('sme-1');
    expect(activeMembership(user, null)?.organizationId).toBe('sme-1');
    expect(activeMembership({ ...user, memberships: [] }, 'sme-1')).toBeNull();
  });
});

describe('membershipForRoute', () => {
  it('uses the active organisation when it fits the page', () => {
    expect(membershipForRoute(user, 'sme-1', 'sme', ['SME_MEMBER'])?.organizationId).toBe('sme-1');
  });

  it('switches to an organisation that fits when the active one does not', () => {
    expect(membershipForRoute(user, 'sme-1', 'tto', ['TTO_MANAGER'])?.organizationId).toBe('uni-1');
    expect(membershipForRoute(user, 'uni-1', 'sme', ['SME_MEMBER'])?.organizationId).toBe('sme-1');
  });

  it('refuses when no organisation holds the role in the right kind of organisation', () => {
    expect(membershipForRoute(user, 'sme-1', 'tto', ['ADMIN'])).toBeNull();
    expect(membershipForRoute(user, 'uni-2', 'sme', ['TTO_MANAGER'])).toBeNull();
  });

  it('keeps the finance pages to the platform’s finance staff and admins, not an institution’s FINANCE member', () => {
    expect(membershipForRoute(user, 'uni-2', 'finance', ['FINANCE', 'ADMIN'])).toBeNull();
    const platform = {
      ...user,
      memberships: [
        ...user.memberships,
        { organizationId: 'platform', organizationKind: 'PLATFORM' as const, roles: ['FINANCE' as const] },
      ],
    };
    expect(membershipForRoute(platform, 'uni-2', 'finance', ['FINANCE', 'ADMIN'])?.organizationId).toBe(
      'platform',
    );
  });

  it('lets any member into a member page', () => {
    expect(membershipForRoute(user, 'uni-2', 'member', [])?.organizationId).toBe('uni-2');
  });
});

describe('safeNextPath', () => {
  it('keeps paths on this site and drops anything else', () => {
    expect(safeNextPath('/contracts/c1?tab=reports')).toBe('/contracts/c1?tab=reports');
    for (const next of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'contracts'])
      expect(safeNextPath(next)).toBe('/');
  });
});
