import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Checkbox, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MarkNotificationReadDocument, NotificationsDocument } from '../graphql/generated/graphql';
import { formatIsoDate } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import classes from '../licensing/licensing.module.css';
import { useMembership } from '../session/route-membership';
import { PageTitle, QueryStates } from '../ui/page-states';

export function NotificationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const membership = useMembership();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, loading, error, refetch } = useQuery(NotificationsDocument, {
    variables: { organizationId: membership.organizationId, unreadOnly, first: 50 },
    fetchPolicy: 'cache-and-network',
  });
  const [markRead] = useMutation(MarkNotificationReadDocument);
  const notifications = data?.notifications.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <PageTitle>{t('notifications.title')}</PageTitle>
      <Checkbox
        mb="md"
        label={t('notifications.unreadOnly')}
        checked={unreadOnly}
        onChange={(event) => setUnreadOnly(event.currentTarget.checked)}
      />
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && notifications.length === 0}
        emptyTitle={t('notifications.none')}
      />
      {notifications.length > 0 && (
        <ul className={classes.thread}>
          {notifications.map((notification) => (
            <li key={notification.id}>
              <Group gap="xs">
                <Badge
                  variant="light"
                  color={notification.kind.endsWith('OVERDUE') ? 'red' : 'blue'}
                  autoContrast
                >
                  {t(`enums.notificationKind.${notification.kind}`)}
                </Badge>
                <Text size="sm">{formatIsoDate(notification.onDate, locale)}</Text>
                {!notification.readAt && <Badge variant="outline">{t('notifications.unread')}</Badge>}
              </Group>
              {/* In the interface language, but English for notifications sent before they were translated. */}
              <Text lang={notification.messageLanguage}>{notification.message}</Text>
              <Group gap="sm">
                <Link to={`/contracts/${notification.contractId}`}>{t('notifications.openContract')}</Link>
                {!notification.readAt && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() =>
                      void markRead({ variables: { id: notification.id } }).catch(() => undefined)
                    }
                  >
                    {t('notifications.markRead')}
                  </Button>
                )}
              </Group>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
