import jwt from 'jsonwebtoken';
import { RefreshTokenModel } from '../../server/src/modules/identity/session.model';
import { UserModel } from '../../server/src/modules/identity/user.model';
import { errorCode, type GraphQLTestClient } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { founder, signUp, smeInput, universityInput } from './fixtures/actors';

type Session = {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; memberships: { organizationId: string; roles: string[] }[] };
};

let server: TestServer;
let anonymous: GraphQLTestClient;

beforeAll(async () => {
  server = await startTestServer({ env: { SIGN_IN_ATTEMPTS_PER_ACCOUNT: '3', GRAPHQL_MAX_DEPTH: '8' } });
  anonymous = server.client();
});

afterAll(async () => {
  await server.stop();
});

describe('accounts and sessions', () => {
  it('signs up, signs in and knows who is asking', async () => {
    const { signUp } = await anonymous.data<{ signUp: Session }>('SignUp', {
      input: { email: ' Ada@Example.org ', password: 'a-long-password', displayName: 'Ada' },
    });
    expect(signUp.user.email).toBe('ada@example.org');
    const stored = await UserModel.findOne({ email: 'ada@example.org' }).lean();
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);

    const { signIn } = await anonymous.data<{ signIn: Session }>('SignIn', {
      input: { email: 'ada@example.org', password: 'a-long-password' },
    });
    const { me } = await anonymous.withToken(signIn.accessToken).data<{ me: { id: string } }>('Me');
    expect(me.id).toBe(signUp.user.id);
  });

  it('refuses a second account with the same email and bad sign-up data, field by field', async () => {
    const duplicate = await anonymous.run('SignUp', {
      input: { email: 'ADA@example.org', password: 'a-long-password', displayName: 'Ada again' },
    });
    expect(errorCode(duplicate)).toBe('EMAIL_ALREADY_REGISTERED');
    expect(duplicate.errors?.[0].extensions?.field).toBe('email');
    const bad = await anonymous.run('SignUp', {
      input: { email: 'not-an-email', password: 'short', displayName: '' },
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fieldErrors?.map((e) => e.field)).toEqual([
      'email',
      'password',
      'displayName',
    ]);
    expect(await UserModel.countDocuments({ email: 'not-an-email' })).toBe(0);
  });

  it('answers a wrong password and an unknown email alike, then rate-limits the account', async () => {
    const wrongPassword = await anonymous.run('SignIn', {
      input: { email: 'ada@example.org', password: 'wrong-password' },
    });
    const unknownEmail = await anonymous.run('SignIn', {
      input: { email: 'nobody@example.org', password: 'wrong-password' },
    });
    expect(wrongPassword.errors?.[0]).toEqual(unknownEmail.errors?.[0]);
    expect(wrongPassword.errors?.[0].message).toBe('The email or password is not right.');
    await anonymous.run('SignIn', { input: { email: 'ada@example.org', password: 'wrong-password' } });
    await anonymous.run('SignIn', { input: { email: 'ada@example.org', password: 'wrong-password' } });
    const limited = await anonymous.run('SignIn', {
      input: { email: 'ada@example.org', password: 'a-long-password' },
    });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
  });

  it('rotates refresh tokens, ends the family when an old one is replayed, and signs out', async () => {
    const actor = await signUp(anonymous, 'rotation');
    const first = await anonymous.data<{ signIn: Session }>('SignIn', {
      input: { email: actor.email, password: 'correct-horse-battery' },
    });
    const second = await anonymous.data<{ refreshSession: Session }>('RefreshSession', {
      refreshToken: first.signIn.refreshToken,
    });
    expect(second.refreshSession.refreshToken).not.toBe(first.signIn.refreshToken);

    const replayed = await anonymous.run('RefreshSession', { refreshToken: first.signIn.refreshToken });
    expect(errorCode(replayed)).toBe('INVALID_REFRESH_TOKEN');
    // The replay revoked the token issued by the rotation too.
    const afterReplay = await anonymous.run('RefreshSession', {
      refreshToken: second.refreshSession.refreshToken,
    });
    expect(errorCode(afterReplay)).toBe('INVALID_REFRESH_TOKEN');

    const third = await anonymous.data<{ signIn: Session }>('SignIn', {
      input: { email: actor.email, password: 'correct-horse-battery' },
    });
    const signedIn = anonymous.withToken(third.signIn.accessToken);
    expect(await signedIn.data('SignOut', { refreshToken: third.signIn.refreshToken })).toEqual({
      signOut: true,
    });
    expect(
      errorCode(await anonymous.run('RefreshSession', { refreshToken: third.signIn.refreshToken })),
    ).toBe('INVALID_REFRESH_TOKEN');
    expect(await RefreshTokenModel.countDocuments({ userId: actor.userId, revokedAt: null })).toBe(1); // the sign-up session
  });

  it('refuses tokens that are forged, expired, for another audience or signed with another algorithm', async () => {
    const actor = await signUp(anonymous, 'tokens');
    const { secret, issuer, audience } = server.config.jwt;
    const now = Math.floor(Date.now() / 1000);
    const forged = [
      jwt.sign({ typ: 'access' }, 'another-secret-that-is-long-enough-000', {
        subject: actor.userId,
        issuer,
        audience,
        expiresIn: 60,
      }),
      jwt.sign({ typ: 'access', iat: now - 3600, exp: now - 60 }, secret, {
        subject: actor.userId,
        issuer,
        audience,
      }),
      jwt.sign({ typ: 'access' }, secret, {
        subject: actor.userId,
        issuer,
        audience: 'someone-else',
        expiresIn: 60,
      }),
      jwt.sign({ typ: 'access' }, secret, {
        subject: actor.userId,
        issuer,
        audience,
        expiresIn: 60,
        algorithm: 'HS512',
      }),
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: actor.userId, typ: 'access', iss: issuer, aud: audience, exp: now + 60 })).toString('base64url')}.`,
    ];
    for (const token of forged)
      expect(errorCode(await anonymous.withToken(token).run('Me'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await actor.client.run('Me'))).toBeUndefined();
  });
});

describe('organisations, invitations and roles', () => {
  it('makes the founder admin, invites a colleague once, and keeps one admin at least', async () => {
    const admin = await founder(anonymous, 'founder', universityInput('Invitation University'));
    const { me } = await admin.client.data<{ me: Session['user'] }>('Me');
    expect(me.memberships).toEqual([
      {
        organizationId: admin.organizationId,
        organizationKind: 'UNIVERSITY',
        roles: ['ADMIN', 'TTO_MANAGER'],
      },
    ]);

    const colleague = await signUp(anonymous, 'colleague');
    const badRoles = await admin.client.run('InviteMember', {
      input: { organizationId: admin.organizationId, email: colleague.email, roles: ['SME_MEMBER'] },
    });
    expect(errorCode(badRoles)).toBe('BAD_USER_INPUT');
    const { inviteMember } = await admin.client.data<{ inviteMember: { token: string } }>('InviteMember', {
      input: { organizationId: admin.organizationId, email: colleague.email, roles: ['FINANCE'] },
    });
    const stranger = await signUp(anonymous, 'stranger');
    expect(errorCode(await stranger.client.run('AcceptInvitation', { token: inviteMember.token }))).toBe(
      'INVITATION_INVALID',
    );
    await colleague.client.data('AcceptInvitation', { token: inviteMember.token });
    expect(errorCode(await colleague.client.run('AcceptInvitation', { token: inviteMember.token }))).toBe(
      'INVITATION_INVALID',
    );

    const members = await admin.client.data<{ organization: { members: { totalCount: number } } }>(
      'Organization',
      { id: admin.organizationId },
    );
    expect(members.organization.members.totalCount).toBe(2);

    const lastAdmin = await admin.client.run('SetMemberRoles', {
      input: { organizationId: admin.organizationId, userId: admin.userId, roles: ['TTO_MANAGER'] },
    });
    expect(errorCode(lastAdmin)).toBe('LAST_ADMIN');
    const promoted = await admin.client.data<{ setMemberRoles: Session['user'] }>('SetMemberRoles', {
      input: { organizationId: admin.organizationId, userId: colleague.userId, roles: ['FINANCE', 'ADMIN'] },
    });
    expect(promoted.setMemberRoles.memberships[0].roles).toEqual(['FINANCE', 'ADMIN']);
    expect(
      errorCode(
        await colleague.client.run('SetMemberRoles', {
          input: { organizationId: admin.organizationId, userId: admin.userId, roles: ['TTO_MANAGER'] },
        }),
      ),
    ).toBeUndefined();
  });

  it("shows an SME's profile to its members only, and refuses an SME without a profile", async () => {
    const sme = await founder(anonymous, 'sme-owner', smeInput('Profile SME'));
    const own = await sme.client.data<{ organization: { smeProfile: { headcount: number } | null } }>(
      'Organization',
      { id: sme.organizationId },
    );
    expect(own.organization.smeProfile?.headcount).toBe(85);
    const seenByOthers = await anonymous.data<{ organization: { smeProfile: unknown; members: unknown } }>(
      'Organization',
      { id: sme.organizationId },
    );
    expect(seenByOthers.organization).toMatchObject({ smeProfile: null, members: null });
    const incomplete = await sme.client.run('CreateOrganization', {
      input: { kind: 'SME', name: 'No Profile Ltd', country: 'CN' },
    });
    expect(errorCode(incomplete)).toBe('BAD_USER_INPUT');
    expect(incomplete.errors?.[0].extensions?.field).toBe('smeProfile');
  });
});

describe('the HTTP endpoint', () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('refuses mutations over GET and simple cross-site requests (CSRF)', async () => {
    const get = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('mutation { signOut(refreshToken: "x") }')}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(get.status).toBe(405);
    const simple = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
  });

  it('limits depth, aliases, batching and body size', async () => {
    const deep = await post({
      query:
        '{ searchPatents { edges { node { institution { members { edges { node { memberships { organizationId } } } } } } } } }',
    });
    expect(JSON.stringify(await deep.json())).toMatch(/depth/i);
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: institutions { totalCount }`).join(' ');
    expect(JSON.stringify(await (await post({ query: `{ ${aliases} }` })).json())).toMatch(/alias/i);
    const batch = await post([
      { query: '{ institutions { totalCount } }' },
      { query: '{ institutions { totalCount } }' },
    ]);
    expect(batch.status).toBe(400);
    const huge = await post({ query: `{ institutions { totalCount } } # ${'x'.repeat(200_000)}` });
    expect(huge.status).toBe(413);
  });

  it('hides internals behind INTERNAL_SERVER_ERROR and echoes the request id', async () => {
    const response = await post({ query: '{ me { id } }' }, { 'x-request-id': 'test-request-0001' });
    expect(response.headers.get('x-request-id')).toBe('test-request-0001');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it("compresses the web client's files but never an API answer (BREACH)", async () => {
    const shell = await (await fetch(`${server.url}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(shell)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    const answer = await post(
      { query: `{ searchPatents(query: "${'battery '.repeat(20)}") { totalCount } }` },
      { 'accept-encoding': 'gzip' },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-encoding')).toBeNull();
  });

  it('reports the database and Stripe on /healthz', async () => {
    const health = await fetch(`${server.url}/healthz`);
    const body = await health.json();
    expect(body).toMatchObject({
      status: 'ok',
      database: { ok: true },
      stripe: { ok: true, mode: 'stripe-mock' },
    });
    expect(health.status).toBe(200);
  });
});
