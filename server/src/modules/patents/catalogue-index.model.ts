import { Schema, model, type Types } from 'mongoose';

/**
 * The stored catalogue index (see catalogue-index.ts). Blocks are written once and never changed; a head lists the
 * blocks of one generation and is the commit point: its `_id` is the generation number, so of two writers that
 * built the same next generation exactly one insert succeeds (a unique key is atomic on FerretDB, where a
 * conditional update is not), and the other starts again from the winner.
 */
export type CatalogueHeadRecord = { _id: number; token: string; blocks: string[]; patentCount: number };

export const CatalogueHeadModel = model<CatalogueHeadRecord>(
  'CatalogueHead',
  new Schema<CatalogueHeadRecord>(
    {
      _id: { type: Number, required: true },
      token: { type: String, required: true },
      blocks: { type: [String], default: [] },
      patentCount: { type: Number, required: true },
    },
    { collection: 'catalogue_index_heads', versionKey: false },
  ),
);

export type CatalogueBlockRecord = { _id: string; data: string };

export const CatalogueBlockModel = model<CatalogueBlockRecord>(
  'CatalogueBlock',
  new Schema<CatalogueBlockRecord>(
    { _id: { type: String, required: true }, data: { type: String, required: true } },
    { collection: 'catalogue_index_blocks', versionKey: false },
  ),
);

/**
 * "This patent's public copy changed": written beside every write of a public copy and removed once a committed
 * generation has re-read that patent. Insert-only, so concurrent writers never lose one.
 */
export type CatalogueChangeRecord = { _id: Types.ObjectId; patentId: string };

export const CatalogueChangeModel = model<CatalogueChangeRecord>(
  'CatalogueChange',
  new Schema<CatalogueChangeRecord>(
    { patentId: { type: String, required: true } },
    { collection: 'catalogue_changes', versionKey: false },
  ),
);
