import type { CatalogueIndexService } from '../../server/src/modules/patents/catalogue-index.service';
import { Types } from 'mongoose';
import type { Clock } from '../../server/src/common/clock';
import { systemContext } from '../../server/src/common/request-context';
import { hashPassword } from '../../server/src/modules/identity/password';
import { OrganizationModel } from '../../server/src/modules/identity/organization.model';
import { UserModel } from '../../server/src/modules/identity/user.model';
import {
  PatentModel,
  PublishedPatentModel,
  type PatentRecord,
} from '../../server/src/modules/patents/patent.model';
import { completeContent, publicCopyOf } from '../../server/src/modules/patents/patent.service';
import type { Services } from '../../server/src/services';
import {
  demoInstitutions,
  demoSmes,
  demoUsers,
  iterateDemoPatents,
  type DemoPatent,
  type DemoSme,
} from './demo-catalogue';

export type SeedProgress = {
  start(label: string, total: number): void;
  tick(n?: number): void;
  stop(): void;
};

export const silentProgress: SeedProgress = {
  start: () => undefined,
  tick: () => undefined,
  stop: () => undefined,
};

export const DEMO_PATENT_COUNT = 300;
const PLATFORM_KEY = 'platform';

/**
 * Loads the demo data: institutions, SMEs, the platform, a user for every role and the demo patents, published.
 * Idempotent: everything has a stable key, and what exists already is left alone.
 */
export async function seedDemoData(
  services: Services,
  clock: Clock,
  progress: SeedProgress = silentProgress,
  patentCount = DEMO_PATENT_COUNT,
): Promise<{ created: number }> {
  const ctx = systemContext(clock, 'seed');
  const now = clock.now();
  let created = 0;

  const organizationIds = new Map<string, Types.ObjectId>();
  const institutions = demoInstitutions();
  const smes = demoSmes();
  progress.start('organisations', institutions.length + smes.length + 1);
  const upsertOrganization = async (key: string, fields: Record<string, unknown>) => {
    const existing = await OrganizationModel.findOne({ externalKey: `demo:${key}` }).lean();
    if (existing) {
      organizationIds.set(key, existing._id);
    } else {
      const doc = await OrganizationModel.create({
        ...fields,
        externalKey: `demo:${key}`,
        createdAt: now,
        updatedAt: now,
      });
      organizationIds.set(key, doc._id);
      created++;
    }
    progress.tick();
  };
  await upsertOrganization(PLATFORM_KEY, {
    kind: 'PLATFORM',
    name: 'UseFirst',
    nameZh: '先用后付平台',
    country: 'CN',
    region: null,
    website: null,
  });
  for (const i of institutions) {
    await upsertOrganization(i.key, {
      kind: i.kind,
      name: i.name,
      nameZh: i.nameZh,
      country: i.country,
      region: i.region,
      website: i.website,
      ttoProfile: {
        contactName: i.ttoContact.name,
        contactEmail: i.ttoContact.email,
        contactPhone: i.ttoContact.phone,
        office: i.ttoContact.office,
      },
    });
  }
  for (const s of smes) {
    await upsertOrganization(s.key, {
      kind: 'SME',
      name: s.name,
      nameZh: s.nameZh ?? null,
      country: COUNTRY_OF_CURRENCY[s.revenueCurrency],
      region: s.region,
      smeProfile: {
        sizeClass: s.sizeClass,
        headcount: s.headcount,
        annualRevenueMinor: s.annualRevenueMinor,
        revenueCurrency: s.revenueCurrency,
        foundedOn: s.foundedOn,
        registrationNumber: s.registrationNumber,
        industry: s.industry,
        specialisedAndSophisticated: s.specialisedAndSophisticated,
        littleGiant: s.littleGiant,
      },
    });
  }
  progress.stop();

  const users = demoUsers();
  progress.start('users', users.length);
  const kinds = new Map((await OrganizationModel.find({}).lean()).map((o) => [o._id.toHexString(), o.kind]));
  // Every demo user shares one password; hash it once rather than a hundred times.
  const passwordHashes = new Map<string, string>();
  for (const u of users) {
    if (!(await UserModel.exists({ email: u.email }))) {
      const organizationId = organizationIds.get(u.organizationKey);
      if (!organizationId)
        throw new Error(`demo user ${u.email} names unknown organisation ${u.organizationKey}`);
      if (!passwordHashes.has(u.password)) passwordHashes.set(u.password, await hashPassword(u.password));
      await UserModel.create({
        email: u.email,
        passwordHash: passwordHashes.get(u.password),
        displayName: u.displayName,
        memberships: [
          {
            organizationId,
            organizationKind: kinds.get(organizationId.toHexString()),
            roles: u.roles,
            joinedAt: now,
          },
        ],
        createdAt: now,
        updatedAt: now,
      });
      created++;
    }
    progress.tick();
  }
  progress.stop();

  progress.start('patents', patentCount);
  const existingKeys = new Set(
    (await PatentModel.find({}, { externalKey: 1 }).lean()).map((p) => p.externalKey),
  );
  for (const demo of iterateDemoPatents(patentCount)) {
    const externalKey = `demo:${demo.key}`;
    if (!existingKeys.has(externalKey)) {
      const institutionId = organizationIds.get(demo.institutionKey);
      if (!institutionId)
        throw new Error(`demo patent ${demo.key} names unknown institution ${demo.institutionKey}`);
      // Through the same service and state table as a TTO manager's draft and publication.
      const patent = await services.patents.create(
        ctx,
        institutionId.toHexString(),
        toContent(demo),
        externalKey,
      );
      await services.patents.changeState(ctx, patent._id.toHexString(), 'PUBLISHED');
      created++;
    }
    progress.tick();
  }
  progress.stop();
  return { created };
}

/**
 * Bulk-loads many published demo patents at once for the benchmark (100,000 through the service would take an
 * hour on FerretDB): the same content, validation and public copy as the service writes, in batches.
 */
export async function bulkLoadPublishedPatents(
  catalogue: CatalogueIndexService,
  clock: Clock,
  count: number,
  progress: SeedProgress = silentProgress,
  batchSize = 1000,
): Promise<number> {
  const now = clock.now();
  const institutions = new Map(
    (await OrganizationModel.find({ kind: { $in: ['UNIVERSITY', 'RESEARCH_INSTITUTE'] } }).lean()).map(
      (o) => [o.externalKey.replace(/^demo:/, ''), o._id],
    ),
  );
  const existing = new Set((await PatentModel.find({}, { externalKey: 1 }).lean()).map((p) => p.externalKey));
  progress.start('patents (bulk)', count);
  let batch: PatentRecord[] = [];
  let inserted = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await PatentModel.insertMany(batch, { ordered: false, lean: true });
    const publicCopies = batch.map((p) => publicCopyOf(p, now));
    await PublishedPatentModel.insertMany(publicCopies, { ordered: false, lean: true });
    await catalogue.indexPublished(publicCopies);
    progress.tick(batch.length);
    inserted += batch.length;
    batch = [];
  };
  for (const demo of iterateDemoPatents(count)) {
    const externalKey = `demo:${demo.key}`;
    if (existing.has(externalKey)) {
      progress.tick();
      continue;
    }
    const institutionId = institutions.get(demo.institutionKey);
    if (!institutionId)
      throw new Error(`run the demo seed first: institution ${demo.institutionKey} is missing`);
    batch.push({
      ...completeContent(toContent(demo)),
      _id: new Types.ObjectId(),
      institutionId,
      state: 'PUBLISHED',
      stateHistory: [
        { from: null, to: 'DRAFT', at: now, byUserId: null },
        { from: 'DRAFT', to: 'PUBLISHED', at: now, byUserId: null },
      ],
      externalKey,
      createdAt: now,
      updatedAt: now,
    });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  progress.stop();
  return inserted;
}

function toContent(demo: DemoPatent) {
  const { key: _key, institutionKey: _institution, ...content } = demo;
  return content;
}

// The demo SMEs report revenue in their home currency, which names their country.
const COUNTRY_OF_CURRENCY: Record<DemoSme['revenueCurrency'], string> = { CNY: 'CN', USD: 'US', GBP: 'GB' };
