import { Schema, model } from 'mongoose';
import { addDays, type CalendarDate } from '../../common/calendar-date';

const engineStateSchema = new Schema(
  { _id: { type: String, required: true }, advancedTo: { type: String, required: true } },
  { collection: 'engine_state', versionKey: false },
);
export const EngineStateModel = model('EngineState', engineStateSchema);
export const ENGINE_ID = 'contract-engine';

export async function engineAdvancedTo(): Promise<CalendarDate | null> {
  const state = await EngineStateModel.findById(ENGINE_ID).lean<{ advancedTo: CalendarDate }>();
  return state?.advancedTo ?? null;
}

type Buckets = { dueMonth: string; remindMonth: string; overdueMonth: string; defaultsMonth: string };

/**
 * The engine finds work by month bucket and only looks at the months after the day it last advanced to. An
 * obligation written later with a date the engine has already passed (a late report, an amendment, a licence signed
 * on the last day of a month) would sit in a bucket nobody reads again: its buckets are moved up to the first month
 * the engine will read, where it is picked up on the next advance, its dates unchanged.
 */
export async function bucketsWithinEngineReach<T extends Buckets>(documents: T[]): Promise<T[]> {
  const advancedTo = await engineAdvancedTo();
  if (!advancedTo) return documents;
  const floor = addDays(advancedTo, 1).slice(0, 7);
  const lift = (month: string) => (month < floor ? floor : month);
  return documents.map((d) => ({
    ...d,
    dueMonth: lift(d.dueMonth),
    remindMonth: lift(d.remindMonth),
    overdueMonth: lift(d.overdueMonth),
    defaultsMonth: lift(d.defaultsMonth),
  }));
}
