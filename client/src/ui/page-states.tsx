import { Alert, Button, Group, Loader, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../catalogue/problem-message';
import { useDocumentTitle } from '../app/page-hooks';
import { formProblem } from '../graphql/graphql-error';

/** A page's heading that also names the browser tab. */
export function PageTitle({ children, actions }: { children: string; actions?: ReactNode }) {
  useDocumentTitle(children);
  return (
    <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
      <Title order={1}>{children}</Title>
      {actions}
    </Group>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" py="lg">
      <Loader size="sm" aria-hidden="true" />
      <p role="status">{label ?? t('common.loading')}</p>
    </Group>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div role="status" style={{ padding: '1.5rem 0' }}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {children && <Text mt="xs">{children}</Text>}
    </div>
  );
}

/**
 * What every page shows around a query: "loading" until the first answer, a failed request with a retry, and the
 * empty message when the answer holds nothing.
 */
export function QueryStates({
  loading,
  error,
  refetch,
  empty,
  emptyTitle,
}: {
  loading: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
  empty: boolean;
  emptyTitle: string;
}) {
  return (
    <>
      {loading && <Loading />}
      <RequestError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      {empty && <EmptyState title={emptyTitle} />}
    </>
  );
}

/** A failed request: the API's own message when it refused (it is written for people), else a translated one. */
export function RequestError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = formProblem(error);
  return (
    <Alert color="red" title={t('common.failed')} role="alert" my="sm">
      {problem && problem.code !== 'INTERNAL_SERVER_ERROR' ? (
        <Text size="sm">{errorCodeMessage(t, problem.code) ?? problem.message}</Text>
      ) : (
        <ProblemMessage error={error} />
      )}
      {onRetry && (
        <Button mt="sm" variant="outline" color="red" onClick={onRetry}>
          {t('catalogue.retry')}
        </Button>
      )}
    </Alert>
  );
}

// i18next's own type of the default namespace's t(): `ReturnType<typeof useTranslation>['t']` is the same function
// over every possible namespace, and checking one key against it costs TypeScript millions of instantiations.
type Translate = TFunction;

/** Codes whose meaning the interface says in the person's language; others show the API's message. */
export function errorCodeMessage(t: Translate, code: string): string | null {
  switch (code) {
    case 'INVALID_CREDENTIALS':
      return t('apiErrors.INVALID_CREDENTIALS');
    case 'EMAIL_ALREADY_REGISTERED':
      return t('apiErrors.EMAIL_ALREADY_REGISTERED');
    case 'RATE_LIMITED':
      return t('apiErrors.RATE_LIMITED');
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      return t('errors.forbidden');
    case 'BAD_USER_INPUT':
      return t('apiErrors.BAD_USER_INPUT');
    default:
      return null;
  }
}
