import { createHash } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import mongoose from 'mongoose';
import { getMetadataStorage } from 'type-graphql';
import { Access } from '../../server/src/graphql/auth-checker';
import { buildApiSchema } from '../../server/src/graphql/schema';
import type { GraphQLResponse } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  batteryPatent,
  founder,
  signUp,
  smeInput,
  universityInput,
  type Actor,
  platformAdmin,
} from './fixtures/actors';

/*
 * Walks every root field of the schema, as read from the schema itself (so an operation added later joins the walk
 * without anyone editing this file), as anonymous, as each role, and as a member of another organisation.
 * A refused call must carry the right code and change nothing in the database.
 */

type Walker = {
  name: string;
  actor: Actor | null;
  roles: string[];
  platformAdmin: boolean;
  ownsTarget: boolean;
};
type RootField = { operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown>; access: string[] };

let server: TestServer;
let schema: GraphQLSchema;
let walkers: Walker[];
let target: { organizationId: string; draftPatentId: string; memberUserId: string };

const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

beforeAll(async () => {
  server = await startTestServer();
  schema = await buildApiSchema();
  const anonymous = server.client();
  const owner = await founder(anonymous, 'owner', universityInput('Target University'));
  const outsider = await founder(anonymous, 'outsider', universityInput('Other University'));
  const smeMember = await founder(anonymous, 'sme', smeInput('Walk SME'));
  const invite = async (label: string, roles: string[]) => {
    const invitee = await signUp(anonymous, label);
    const { inviteMember } = await owner.client.data<{ inviteMember: { token: string } }>('InviteMember', {
      input: { organizationId: owner.organizationId, email: invitee.email, roles },
    });
    await invitee.client.data('AcceptInvitation', { token: inviteMember.token });
    return { ...invitee, organizationId: owner.organizationId };
  };
  const finance = await invite('finance', ['FINANCE']);
  const ttoOnly = await invite('tto-only', ['TTO_MANAGER']);
  const admin = await platformAdmin(anonymous);
  const noOrganization = await signUp(anonymous, 'no-organisation');

  const { createPatent } = await owner.client.data<{ createPatent: { id: string } }>('CreatePatent', {
    institutionId: owner.organizationId,
    input: batteryPatent,
  });
  target = {
    organizationId: owner.organizationId as string,
    draftPatentId: createPatent.id,
    memberUserId: finance.userId,
  };

  walkers = [
    { name: 'anonymous', actor: null, roles: [], platformAdmin: false, ownsTarget: false },
    {
      name: 'signed in, no organisation',
      actor: noOrganization,
      roles: [],
      platformAdmin: false,
      ownsTarget: false,
    },
    {
      name: 'TTO manager + admin of another university',
      actor: outsider,
      roles: ['ADMIN', 'TTO_MANAGER'],
      platformAdmin: false,
      ownsTarget: false,
    },
    {
      name: 'SME member + admin',
      actor: smeMember,
      roles: ['ADMIN', 'SME_MEMBER'],
      platformAdmin: false,
      ownsTarget: false,
    },
    {
      name: 'finance of the target',
      actor: finance,
      roles: ['FINANCE'],
      platformAdmin: false,
      ownsTarget: true,
    },
    {
      name: 'TTO manager (only) of the target',
      actor: ttoOnly,
      roles: ['TTO_MANAGER'],
      platformAdmin: false,
      ownsTarget: true,
    },
    {
      name: 'platform admin',
      actor: admin,
      roles: ['ADMIN'],
      platformAdmin: true,
      ownsTarget: false,
    },
  ];
});

afterAll(async () => {
  await server.stop();
});

function rootFields(): RootField[] {
  const storage = getMetadataStorage();
  const fields: RootField[] = [];
  for (const operation of ['query', 'mutation'] as const) {
    const type = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
    const resolvers = operation === 'query' ? storage.queries : storage.mutations;
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolver = resolvers.find((r) => r.schemaName === field.name);
      const authorized =
        resolver &&
        storage.authorizedFields.find(
          (a) => a.target === resolver.target && a.fieldName === resolver.methodName,
        );
      if (!authorized) throw new Error(`${operation} ${field.name} declares no @Authorized access rule`);
      fields.push({ operation, field, access: authorized.roles as string[] });
    }
  }
  return fields;
}

/** Whether the declared rule lets this walker through (ownership is the service's job, checked separately). */
function declaredAllows(access: string[], walker: Walker): boolean {
  if (access.includes(Access.PUBLIC)) return true;
  if (!walker.actor) return false;
  if (access.length === 0) return true;
  if (access.includes(Access.PLATFORM_ADMIN) && walker.platformAdmin) return true;
  return access.some((role) => walker.roles.includes(role));
}

/** Argument values that aim every call at the target organisation and its draft patent. */
function valueFor(name: string, type: GraphQLInputType, fieldName: string): unknown {
  if (isNonNullType(type)) return valueFor(name, type.ofType, fieldName);
  if (isListType(type)) return [valueFor(name, type.ofType, fieldName)];
  if (name === 'id') return /patent/i.test(fieldName) ? target.draftPatentId : target.organizationId;
  if (name === 'institutionId' || name === 'organizationId' || name === 'institutionIds')
    return target.organizationId;
  if (name === 'userId') return target.memberUserId;
  if (name === 'input' && /patent/i.test(fieldName)) return batteryPatent;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) || ['organizationId', 'userId'].includes(f.name))
        .map((f) => [f.name, valueFor(f.name, f.type, fieldName)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isScalarType(type)) {
    if (type.name === 'Int' || type.name === 'Float') return 1;
    // Custom scalars (SafeInt...): a number where they take one, otherwise text.
    if (!['String', 'ID', 'Boolean'].includes(type.name)) {
      try {
        type.parseValue(1);
        return 1;
      } catch {
        return 'walk-value';
      }
    }
    if (type.name === 'Boolean') return false;
    if (type.name === 'ID') return target.organizationId;
    return 'walk-value';
  }
  throw new Error(`no walk value for ${name}`);
}

function documentFor(root: RootField): { query: string; variables: Record<string, unknown> } {
  const args = root.field.args as readonly GraphQLArgument[];
  const definitions = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const uses = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returned = getNamedType(root.field.type);
  const selection = isObjectType(returned) ? ' { __typename }' : '';
  const query = `${root.operation} Walk${definitions ? `(${definitions})` : ''} { result: ${root.field.name}${uses ? `(${uses})` : ''}${selection} }`;
  const variables = Object.fromEntries(
    args
      .filter((a) => isNonNullType(a.type) || ['institutionId', 'organizationId', 'id'].includes(a.name))
      .map((a) => [a.name, valueFor(a.name, a.type, root.field.name)]),
  );
  return { query, variables };
}

/** Whether a call names the target organisation or one of its things (so only its members may make it). */
function aimsAtTarget(variables: Record<string, unknown>): boolean {
  const ids = new Set([target.organizationId, target.draftPatentId, target.memberUserId]);
  const walk = (value: unknown): boolean =>
    typeof value === 'string'
      ? ids.has(value)
      : Array.isArray(value)
        ? value.some(walk)
        : typeof value === 'object' && value !== null
          ? Object.values(value).some(walk)
          : false;
  return walk(variables);
}

async function databaseFingerprint(): Promise<string> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const hash = createHash('sha256');
  const collections = (await db.listCollections().toArray()).map((c) => c.name).sort();
  for (const name of collections) {
    const docs = await db.collection(name).find({}).toArray();
    docs.sort((a, b) => String(a._id).localeCompare(String(b._id)));
    hash.update(name).update(JSON.stringify(docs));
  }
  return hash.digest('hex');
}

function codeOf(result: GraphQLResponse<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

it('every root field declares its access rule', () => {
  const fields = rootFields();
  expect(fields.length).toBeGreaterThanOrEqual(20);
});

it('refuses every call the declared rule or ownership forbids, and changes nothing', async () => {
  const failures: string[] = [];
  const checked: string[] = [];
  for (const root of rootFields()) {
    const { query, variables } = documentFor(root);
    for (const walker of walkers) {
      const client = server.client(walker.actor?.token ?? null);
      const allowedByRule = declaredAllows(root.access, walker);
      const targeted = aimsAtTarget(variables) && !root.access.includes(Access.PUBLIC);
      const mustRefuse =
        !allowedByRule ||
        (targeted && !walker.ownsTarget && !walker.platformAdmin && root.operation === 'mutation');
      if (!mustRefuse) continue;
      const before = await databaseFingerprint();
      const result = await client.request(query, variables);
      const after = await databaseFingerprint();
      const code = codeOf(result);
      const label = `${root.operation} ${root.field.name} as ${walker.name}`;
      checked.push(label);
      const expected = !allowedByRule ? (walker.actor ? 'FORBIDDEN' : 'UNAUTHENTICATED') : null;
      if (expected && code !== expected)
        failures.push(`${label}: expected ${expected}, got ${code ?? 'success'}`);
      if (!expected && !REFUSALS.has(code ?? '') && code !== 'INVALID_STATE_TRANSITION')
        failures.push(`${label}: expected a refusal, got ${code ?? 'success'}`);
      if (before !== after) failures.push(`${label}: the database changed`);
    }
  }
  expect(failures).toEqual([]);
  expect(checked.length).toBeGreaterThan(50);
});

it('keeps private data from those who may read the field but not the data', async () => {
  const privateReads: {
    query: string;
    variables: Record<string, unknown>;
    visible: (data: Record<string, unknown>) => boolean;
  }[] = [
    {
      query: 'query { patent(id: "' + target.draftPatentId + '") { id } }',
      variables: {},
      visible: (d) => d.patent !== null,
    },
    {
      query: 'query($id: ID!) { organization(id: $id) { smeProfile { headcount } members { totalCount } } }',
      variables: { id: target.organizationId },
      visible: (d) => (d.organization as { members: unknown }).members !== null,
    },
  ];
  for (const walker of walkers) {
    for (const read of privateReads) {
      const result = await server.client(walker.actor?.token ?? null).request(read.query, read.variables);
      expect(result.errors).toBeUndefined();
      expect({ walker: walker.name, visible: read.visible(result.data as Record<string, unknown>) }).toEqual({
        walker: walker.name,
        visible: walker.ownsTarget || walker.platformAdmin,
      });
    }
  }
});

it('answers every call by an allowed caller without an internal error', async () => {
  const failures: string[] = [];
  for (const root of rootFields()) {
    const { query, variables } = documentFor(root);
    for (const walker of walkers.filter((w) => declaredAllows(root.access, w))) {
      const result = await server.client(walker.actor?.token ?? null).request(query, variables);
      if (codeOf(result) === 'INTERNAL_SERVER_ERROR' || result.status >= 500)
        failures.push(
          `${root.operation} ${root.field.name} as ${walker.name}: ${JSON.stringify(result.errors)}`,
        );
    }
  }
  expect(failures).toEqual([]);
});
