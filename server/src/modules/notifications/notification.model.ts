import { Schema, model, type Types } from 'mongoose';
import type { Message, MessageId, MessageParams } from '../../i18n/message';
import { translate } from '../../i18n/translate';

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
  /** The English text, as sent; a notification is read in the reader's language from `messageId` and `params`. */
  message: string;
  /** Absent on notifications from before they were translated: those have only their English text. */
  messageId?: MessageId;
  params?: MessageParams;
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
    messageId: { type: String },
    params: { type: Schema.Types.Mixed },
    contractId: { type: Schema.Types.ObjectId, required: true },
    onDate: { type: String, required: true },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { collection: 'notifications', versionKey: false },
);
notificationSchema.index({ organizationId: 1 });

export const NotificationModel = model<NotificationRecord>('Notification', notificationSchema);

/** Notifies an organisation of an event, once however often it is met; `text` is what it is told, as a message. */
export async function notifyOnce(
  n: Omit<NotificationRecord, '_id' | 'readAt' | 'notificationKey' | 'message' | 'messageId' | 'params'> & {
    subjectKey: string;
    text: Message;
  },
): Promise<boolean> {
  const { subjectKey, text, ...fields } = n;
  try {
    await NotificationModel.create({
      ...fields,
      message: translate('en', text),
      messageId: text.message,
      params: text.params ?? {},
      notificationKey: `${subjectKey}:${n.kind}:${n.organizationId.toHexString()}`,
      readAt: null,
    });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return false;
    throw error;
  }
}
