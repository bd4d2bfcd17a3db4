import mongoose from 'mongoose';
import pg from 'pg';
import { HOT_EQUALITY_FIELDS } from '../../server/src/infra/ferretdb-indexes';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let client: pg.Client;

beforeAll(async () => {
  server = await startTestServer();
  client = new pg.Client({ connectionString: process.env.USEFIRST_TEST_POSTGRES_URL });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await server.stop();
});

async function tableOf(collection: string): Promise<string> {
  const schema = pg.escapeIdentifier(dbName());
  const result = await client.query<{ table: string }>(
    `SELECT _jsonb->>'table' AS "table" FROM ${schema}._ferretdb_database_metadata WHERE _jsonb->>'_id' = $1`,
    [collection],
  );
  return result.rows[0].table;
}

function dbName(): string {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  return db.databaseName;
}

it('gives every hot equality field a GIN index that the query FerretDB sends can use', async () => {
  for (const [collection, fields] of Object.entries(HOT_EQUALITY_FIELDS)) {
    const table = await tableOf(collection);
    const schema = pg.escapeIdentifier(dbName());
    for (const field of fields) {
      // The statement as FerretDB prepares it, with the field name bound as a parameter.
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      await client.query('SET LOCAL plan_cache_mode = force_custom_plan');
      await client.query(
        `PREPARE probe(text, jsonb) AS SELECT _jsonb FROM ${schema}.${pg.escapeIdentifier(table)} WHERE _jsonb -> $1 @> $2`,
      );
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN EXECUTE probe(${pg.escapeLiteral(field)}, '"x"')`,
      );
      await client.query('DEALLOCATE probe');
      await client.query('COMMIT');
      expect({
        collection,
        field,
        usesIndex: plan.rows.some((r) => r['QUERY PLAN'].includes(`_gin`)),
      }).toEqual({ collection, field, usesIndex: true });
    }
  }
});
