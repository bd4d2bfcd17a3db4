import { useEffect, type ReactNode } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../graphql/generated/graphql';
import { useDocumentTitle } from '../app/page-hooks';
import type { Membership, Workspace } from './session';
import { useRouteMembership, useSession } from './session-hooks';
import { chooseOrganization, useSessionState } from './session-store';

/**
 * Guards the routes below it: anonymous visitors go to sign in and come back; a signed-in person without the role
 * sees why. When another of their organisations fits, the page switches to it, so a bookmarked link works.
 */
export function RequireRole({ workspace, roles = [] }: { workspace: Workspace; roles?: readonly Role[] }) {
  const { session } = useSession();
  const { organizationId } = useSessionState();
  const location = useLocation();
  const membership = useRouteMembership(workspace, roles);
  useEffect(() => {
    if (membership && membership.organizationId !== organizationId)
      chooseOrganization(membership.organizationId);
  }, [membership, organizationId]);
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!membership) return session.user.memberships.length === 0 ? <NoOrganization /> : <NotAllowed />;
  return <Outlet context={membership} />;
}

export function RequireSignIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

function NotAllowed() {
  const { t } = useTranslation();
  useDocumentTitle(t('session.notAllowedTitle'));
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{t('session.notAllowedTitle')}</Title>
      <Text>{t('session.notAllowedBody')}</Text>
    </Stack>
  );
}

function NoOrganization() {
  const { t } = useTranslation();
  useDocumentTitle(t('session.noOrganizationTitle'));
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{t('session.noOrganizationTitle')}</Title>
      <Text>{t('session.noOrganizationBody')}</Text>
      <Button component={Link} to="/organization/new">
        {t('organization.createTitle')}
      </Button>
    </Stack>
  );
}

export type { Membership };
