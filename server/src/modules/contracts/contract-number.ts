import { Schema, model } from 'mongoose';

// One counter document per year; `$inc` in a single atomic update hands out each number once.
const counterSchema = new Schema(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: 'counters', versionKey: false },
);
const CounterModel = model('Counter', counterSchema);

/** UF-2026-000001, UF-2026-000002, … : human-readable, unique, in the order contracts were signed. */
export async function nextContractNumber(now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const counter = await CounterModel.findOneAndUpdate(
    { _id: `contract-${year}` },
    { $inc: { seq: 1 } },
    { upsert: true, returnDocument: 'after' },
  ).lean<{ seq: number }>();
  if (!counter) throw new Error('the contract counter did not answer');
  return `UF-${year}-${String(counter.seq).padStart(6, '0')}`;
}
