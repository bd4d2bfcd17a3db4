import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import mongoose from 'mongoose';
import type { Document, Filter } from 'mongodb';
import type { Jurisdiction, TechnicalField } from '../../server/src/modules/patents/patent.fields';
import { queryTerms } from '../../server/src/modules/patents/search-terms';

/** The benchmark's catalogue search: one common keyword narrowed by a technical field and a jurisdiction. */
export type BenchSearch = {
  query: string;
  technicalField: TechnicalField;
  jurisdiction: Jurisdiction;
  first: number;
};

/** The GraphQL variables of SearchPatents for the benchmark search. */
export function searchVariables(search: BenchSearch, first = search.first): Record<string, unknown> {
  return {
    query: search.query,
    filter: { technicalFields: [search.technicalField], jurisdictions: [search.jurisdiction] },
    first,
  };
}

/**
 * The filter `mongoFilter` in patent-search.service.ts builds for this search (it is not exported): the first term
 * and each single-valued filter as top-level equalities, which FerretDB pushes down to PostgreSQL, and any further
 * terms under `$and`. Keep the two in step when the service changes.
 */
export function bareSearchFilter(search: BenchSearch): Filter<Document> {
  const terms = queryTerms(search.query).slice(0, 16);
  const filter: Filter<Document> = {};
  if (terms.length > 0) filter.terms = terms[0];
  filter.technicalFields = search.technicalField;
  filter.jurisdiction = search.jurisdiction;
  if (terms.length > 1) filter.$and = terms.slice(1).map((term) => ({ terms: term }));
  return filter;
}

export function publishedPatents() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('the database is not connected');
  return db.collection('published_patents');
}

/** The same query as the GraphQL search, straight on the driver: no mongoose documents, no schema, no resolvers. */
export function runBareQuery(search: BenchSearch): Promise<Document[]> {
  return publishedPatents()
    .find(bareSearchFilter(search), { projection: { terms: 0 } })
    .toArray();
}

/**
 * The floor under the GraphQL search: the same database query, the service's relevance order and a page of
 * `first`, returned as JSON from a one-route express app. No facets, no institutions query, no GraphQL.
 */
export async function startBareSearchApp(
  search: BenchSearch,
): Promise<{ url: string; stop(): Promise<void> }> {
  const terms = queryTerms(search.query);
  const app = express();
  app.disable('x-powered-by');
  app.get('/bare-search', async (_req, res, next) => {
    try {
      const matches = await runBareQuery(search);
      const scored = matches.map((patent) => {
        const boosted = new Set(patent.boostTerms as string[]);
        const score =
          terms.length === 0 ? 0 : terms.reduce((sum, t) => sum + (boosted.has(t) ? 3 : 1), 0) / terms.length;
        return { patent, score };
      });
      scored.sort(
        (a, b) =>
          b.score - a.score ||
          String(b.patent.filingDate).localeCompare(String(a.patent.filingDate)) ||
          String(a.patent._id).localeCompare(String(b.patent._id)),
      );
      res.json({ totalCount: scored.length, hits: scored.slice(0, search.first) });
    } catch (error) {
      next(error);
    }
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bare-search`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
