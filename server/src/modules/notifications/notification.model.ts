import { Schema, model, type Types } from 'mongoose';

export const NOTIFICATION_KINDS = [
  'PAYMENT_DUE_SOON',
  'PAYMENT_DUE',
  'PAYMENT_OVERDUE',
  'REPORT_DUE',
  'REPORT_OVERDUE',
  'PAYMENT_SUCCEEDED',
  'PAYMENT_FAILED',
  'PAYMENT_ACTION_REQUIRED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An in-app notification to an organisation's members. */
export type NotificationRecord = {
  _id: Types.ObjectId;
  /** `<subject key>:<kind>:<organisation>`, unique: the engine may meet the same event twice, it notifies once. */
  notificationKey: string;
  organizationId: Types.ObjectId;
  kind: NotificationKind;
  message: string;
  contractId: Types.ObjectId;
  /** The day the event happens (a due date, a report deadline). */
  onDate: string;
  createdAt: Date;
  readAt: Date | null;
};

const notificationSchema = new Schema(
  {
    notificationKey: { type: String, required: true, unique: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    message: { type: String, required: true },
    contractId: { type: Schema.Types.ObjectId, required: true },
    onDate: { type: String, required: true },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { collection: 'notifications', versionKey: false },
);
notificationSchema.index({ organizationId: 1 });

export const NotificationModel = model<NotificationRecord>('Notification', notificationSchema);

export async function notifyOnce(
  n: Omit<NotificationRecord, '_id' | 'readAt' | 'notificationKey'> & { subjectKey: string },
): Promise<boolean> {
  const { subjectKey, ...fields } = n;
  try {
    await NotificationModel.create({
      ...fields,
      notificationKey: `${subjectKey}:${n.kind}:${n.organizationId.toHexString()}`,
      readAt: null,
    });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return false;
    throw error;
  }
}
