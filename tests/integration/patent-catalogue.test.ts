import mongoose from 'mongoose';
import { PatentModel, PublishedPatentModel } from '../../server/src/modules/patents/patent.model';
import { errorCode, type GraphQLTestClient } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  batteryPatent,
  founder,
  sensorPatent,
  smeInput,
  universityInput,
  type Actor,
} from './fixtures/actors';

type PatentData = { id: string; state: string; titleEn: string | null };
type SearchData = {
  searchPatents: {
    totalCount: number;
    edges: {
      cursor: string;
      score: number;
      node: PatentData & { institution: { id: string; name: string } };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: Record<string, { value: string; label: string; count: number }[]>;
  };
};

let server: TestServer;
let anonymous: GraphQLTestClient;
let tto: Actor;
let otherTto: Actor;
let sme: Actor;

async function createPublished(actor: Actor, input: Record<string, unknown>): Promise<string> {
  const { createPatent } = await actor.client.data<{ createPatent: PatentData }>('CreatePatent', {
    institutionId: actor.organizationId,
    input,
  });
  await actor.client.data('PublishPatent', { id: createPatent.id });
  return createPatent.id;
}

beforeAll(async () => {
  server = await startTestServer();
  anonymous = server.client();
  tto = await founder(anonymous, 'tto', universityInput('Northwest Polytechnic University'));
  otherTto = await founder(anonymous, 'other-tto', universityInput('Eastern Institute of Technology'));
  sme = await founder(anonymous, 'sme', smeInput('Shenzhen Cell Works'));
});

afterAll(async () => {
  await server.stop();
});

describe('a TTO manager publishes patents and anyone finds them', () => {
  let batteryId: string;

  it('creates a draft that only its institution sees, then publishes it', async () => {
    const { createPatent } = await tto.client.data<{
      createPatent: PatentData & { stateHistory: { from: string | null; to: string }[] };
    }>('CreatePatent', {
      institutionId: tto.organizationId,
      input: batteryPatent,
    });
    batteryId = createPatent.id;
    expect(createPatent.state).toBe('DRAFT');

    const hidden = await anonymous.data<{ patent: PatentData | null }>('PatentDetail', { id: batteryId });
    expect(hidden.patent).toBeNull();
    const hiddenFromOthers = await otherTto.client.data<{ patent: PatentData | null }>('PatentDetail', {
      id: batteryId,
    });
    expect(hiddenFromOthers.patent).toBeNull();

    const { publishPatent } = await tto.client.data<{
      publishPatent: PatentData & { stateHistory: { from: string | null; to: string; byUserId: string }[] };
    }>('PublishPatent', { id: batteryId });
    expect(publishPatent.state).toBe('PUBLISHED');
    expect(publishPatent.stateHistory.map((c) => [c.from, c.to])).toEqual([
      [null, 'DRAFT'],
      ['DRAFT', 'PUBLISHED'],
    ]);
    expect(publishPatent.stateHistory[1].byUserId).toBe(tto.userId);

    const visible = await anonymous.data<{ patent: PatentData & { institution: { name: string } } }>(
      'PatentDetail',
      { id: batteryId },
    );
    expect(visible.patent.titleEn).toBe(batteryPatent.titleEn);
    expect(visible.patent.institution.name).toBe('Northwest Polytechnic University');
  });

  it('finds it in English, with plurals, and in Chinese (电池 finds 锂电池)', async () => {
    await createPublished(otherTto, sensorPatent);
    const english = await anonymous.data<SearchData>('SearchPatents', { query: 'lithium batteries' });
    expect(english.searchPatents.edges.map((e) => e.node.id)).toEqual([batteryId]);
    const chinese = await anonymous.data<SearchData>('SearchPatents', { query: '电池' });
    expect(chinese.searchPatents.edges.map((e) => e.node.id)).toEqual([batteryId]);
    const none = await anonymous.data<SearchData>('SearchPatents', { query: '电池 methane' });
    expect(none.searchPatents.totalCount).toBe(0);
  });

  it('filters, counts facets and pages with cursors', async () => {
    const all = await anonymous.data<SearchData>('SearchPatents', { first: 1 });
    expect(all.searchPatents.totalCount).toBe(2);
    expect(all.searchPatents.pageInfo.hasNextPage).toBe(true);
    expect(all.searchPatents.facets.jurisdictions).toEqual([
      { value: 'CN', label: 'China', count: 1 },
      { value: 'US', label: 'United States', count: 1 },
    ]);
    // Newest filing first when there is no search text: the battery patent (2023) before the sensor (2022).
    expect(all.searchPatents.edges[0].node.id).toBe(batteryId);
    const next = await anonymous.data<SearchData>('SearchPatents', {
      first: 1,
      after: all.searchPatents.pageInfo.endCursor,
    });
    expect(next.searchPatents.edges).toHaveLength(1);
    expect(next.searchPatents.edges[0].node.id).not.toBe(batteryId);
    expect(next.searchPatents.pageInfo.hasNextPage).toBe(false);

    const filtered = await anonymous.data<SearchData>('SearchPatents', {
      filter: { jurisdictions: ['US'], trlMax: 4 },
    });
    expect(filtered.searchPatents.edges.map((e) => e.node.titleEn)).toEqual([sensorPatent.titleEn]);
    const byInstitution = await anonymous.data<SearchData>('SearchPatents', {
      filter: { institutionIds: [tto.organizationId] },
    });
    expect(byInstitution.searchPatents.facets.institutions).toEqual([
      { value: tto.organizationId, label: 'Northwest Polytechnic University', count: 1 },
    ]);
  });

  it('refuses a cursor from another search and a page size over 100', async () => {
    const all = await anonymous.data<SearchData>('SearchPatents', { first: 1 });
    const misused = await anonymous.run('SearchPatents', {
      query: 'battery',
      after: all.searchPatents.pageInfo.endCursor,
    });
    expect(errorCode(misused)).toBe('BAD_USER_INPUT');
    expect(misused.errors?.[0].extensions?.field).toBe('after');
    const tooMany = await anonymous.run('SearchPatents', { first: 101 });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
  });

  it('refuses bad patent data with a message per field and saves nothing', async () => {
    const before = await PatentModel.countDocuments();
    const result = await tto.client.run('CreatePatent', {
      institutionId: tto.organizationId,
      input: {
        ...batteryPatent,
        filingDate: '2023-02-01',
        expiryDate: '2020-01-01',
        trl: 12,
        ipcClasses: ['H01M10'],
        jurisdiction: 'CN',
      },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fieldErrors).toEqual([
      { field: 'expiryDate', message: 'The expiry date must be after the filing date.' },
      { field: 'trl', message: 'The technology readiness level runs from 1 to 9.' },
      { field: 'ipcClasses[0]', message: '"H01M10" is not an IPC class; write it like H01M 10/0562.' },
    ]);
    const unknownJurisdiction = await tto.client.run('CreatePatent', {
      institutionId: tto.organizationId,
      input: { ...batteryPatent, jurisdiction: 'XX' },
    });
    expect(errorCode(unknownJurisdiction)).toBe('BAD_USER_INPUT');
    expect(await PatentModel.countDocuments()).toBe(before);
  });

  it('lets only its own TTO change it', async () => {
    const before = await PatentModel.findById(batteryId).lean();
    const foreign = await otherTto.client.run('UpdatePatent', {
      id: batteryId,
      input: { ...batteryPatent, titleEn: 'Hijacked' },
    });
    expect(errorCode(foreign)).toBe('FORBIDDEN');
    const bySme = await sme.client.run('WithdrawPatent', { id: batteryId });
    expect(errorCode(bySme)).toBe('FORBIDDEN');
    const byAnonymous = await anonymous.run('PublishPatent', { id: batteryId });
    expect(errorCode(byAnonymous)).toBe('UNAUTHENTICATED');
    expect(await PatentModel.findById(batteryId).lean()).toEqual(before);
  });

  it('updates the public copy on edit, and withdrawing takes it out of search', async () => {
    await tto.client.data('UpdatePatent', {
      id: batteryId,
      input: { ...batteryPatent, titleEn: 'Garnet solid electrolyte for sodium cells' },
    });
    const renamed = await anonymous.data<SearchData>('SearchPatents', { query: 'sodium' });
    expect(renamed.searchPatents.edges.map((e) => e.node.id)).toEqual([batteryId]);

    await tto.client.data('WithdrawPatent', { id: batteryId, reason: 'Licensed exclusively' });
    const gone = await anonymous.data<SearchData>('SearchPatents', { query: 'sodium' });
    expect(gone.searchPatents.totalCount).toBe(0);
    expect(await PublishedPatentModel.exists({ _id: batteryId })).toBeNull();
    const again = await tto.client.run('WithdrawPatent', { id: batteryId });
    expect(errorCode(again)).toBe('INVALID_STATE_TRANSITION');
    await tto.client.data('ReturnPatentToDraft', { id: batteryId });
    const own = await tto.client.data<{
      institutionPatents: { totalCount: number; edges: { node: PatentData }[] };
    }>('InstitutionPatents', { institutionId: tto.organizationId });
    expect(own.institutionPatents.edges.map((e) => [e.node.id, e.node.state])).toEqual([
      [batteryId, 'DRAFT'],
    ]);
  });

  it('lets exactly one of two managers publishing the same draft at once win', async () => {
    for (let round = 0; round < 5; round++) {
      const { createPatent } = await tto.client.data<{ createPatent: PatentData }>('CreatePatent', {
        institutionId: tto.organizationId,
        input: { ...sensorPatent, applicationNumber: `US17/900,${round}` },
      });
      const results = await Promise.all([
        tto.client.run('PublishPatent', { id: createPatent.id }),
        tto.client.run('PublishPatent', { id: createPatent.id }),
      ]);
      expect(results.map((r) => errorCode(r) ?? 'PUBLISHED').sort()).toEqual([
        expect.stringMatching(/^(CONFLICT|INVALID_STATE_TRANSITION)$/),
        'PUBLISHED',
      ]);
      const stored = await PatentModel.findById(createPatent.id).lean();
      expect(stored?.stateHistory.map((c) => c.to)).toEqual(['DRAFT', 'PUBLISHED']);
    }
  });

  it('reads the index once and then only the patents on the page, however many match', async () => {
    for (let i = 0; i < 5; i++)
      await createPublished(tto, {
        ...sensorPatent,
        applicationNumber: `US17/555,${200 + i}`,
        titleEn: `Methane sensor variant ${i}`,
      });
    const client = mongoose.connection.getClient();
    const commandsOf = async (first: number) => {
      const commands: { name: string; collection: unknown; filter: unknown }[] = [];
      const listener = (event: { commandName: string; command: Record<string, unknown> }) =>
        commands.push({
          name: event.commandName,
          collection: event.command[event.commandName],
          filter: event.command.filter,
        });
      client.on('commandStarted', listener);
      const data = await anonymous.data<SearchData>('SearchPatents', { query: 'methane', first });
      client.off('commandStarted', listener);
      return { commands, shown: data.searchPatents.edges.length, matched: data.searchPatents.totalCount };
    };
    // The first search after publishing applies the recorded changes; the ones measured find none left.
    expect((await commandsOf(1)).matched).toBeGreaterThanOrEqual(6);
    const small = await commandsOf(1);
    const large = await commandsOf(100);
    expect(small.matched).toBeGreaterThanOrEqual(6);
    expect(large.shown).toBe(large.matched);
    for (const { commands, shown } of [small, large]) {
      // Whether changes wait to be applied, the heads of the index, each patent shown by id, and the
      // institutions: nothing scans the matches.
      expect(commands.filter((c) => c.collection === 'catalogue_changes')).toHaveLength(1);
      expect(commands.filter((c) => c.collection === 'catalogue_index_heads')).toHaveLength(1);
      const patentReads = commands.filter((c) => c.collection === 'published_patents');
      expect(patentReads).toHaveLength(shown);
      for (const read of patentReads) expect(Object.keys(read.filter as object)).toEqual(['_id']);
      expect(commands.filter((c) => c.collection === 'organizations')).toHaveLength(1);
      expect(commands).toHaveLength(shown + 3);
    }
  });
});
