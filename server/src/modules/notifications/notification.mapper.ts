import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale';
import { languageOf, translate } from '../../i18n/translate';
import type { NotificationRecord } from './notification.model';
import type { Notification } from './notification.resolver';

/** A notification as its reader sees it, in `locale` (the request's). */
export function toNotification(n: NotificationRecord, locale: Locale): Notification {
  const text = n.messageId ? { message: n.messageId, params: n.params } : null;
  return {
    id: n._id.toHexString(),
    kind: n.kind,
    // Notifications sent before they were stored as message ids have only their English text, shown as it is.
    message: text ? translate(locale, text) : n.message,
    messageLanguage: text ? languageOf(locale, text) : DEFAULT_LOCALE,
    contractId: n.contractId.toHexString(),
    onDate: n.onDate,
    createdAt: n.createdAt,
    readAt: n.readAt,
  };
}
