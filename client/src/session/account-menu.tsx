import { useQuery } from '@apollo/client/react';
import { Button, Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { OrganizationProfileDocument } from '../graphql/generated/graphql';
import { membershipFits, type Membership } from './session';
import { useSession, useSignOut } from './session-hooks';
import { chooseOrganization } from './session-store';

/** The links of the signed-in person's work, by what their active organisation is and what they may do there. */
export function WorkspaceLinks({ linkClassName }: { linkClassName: string | undefined }) {
  const { t } = useTranslation();
  const { membership } = useSession();
  if (!membership) return null;
  const tto = membership.organizationKind !== 'SME' && membership.roles.includes('TTO_MANAGER');
  return (
    <>
      {tto && (
        <>
          <NavLink to="/tto/patents" className={linkClassName}>
            {t('nav.ttoPatents')}
          </NavLink>
          <NavLink to="/tto/offers" className={linkClassName}>
            {t('nav.ttoOffers')}
          </NavLink>
        </>
      )}
      <NavLink to="/requests" className={linkClassName}>
        {tto ? t('nav.inbox') : t('nav.requests')}
      </NavLink>
      <NavLink to="/contracts" className={linkClassName}>
        {t('nav.contracts')}
      </NavLink>
      {tto && (
        <NavLink to="/tto/report-deadlines" className={linkClassName}>
          {t('nav.deadlines')}
        </NavLink>
      )}
      <NavLink to="/notifications" className={linkClassName}>
        {t('nav.notifications')}
      </NavLink>
      {membershipFits(membership, 'finance', ['FINANCE', 'ADMIN']) ? (
        <NavLink to="/finance/reconciliation" className={linkClassName}>
          {t('nav.finance')}
        </NavLink>
      ) : (
        (membership.roles.includes('FINANCE') || tto) && (
          <NavLink to="/organization/reports" className={linkClassName}>
            {t('nav.financeReports')}
          </NavLink>
        )
      )}
    </>
  );
}

export function AccountMenu() {
  const { t } = useTranslation();
  const { user, membership } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  if (!user) {
    const next = encodeURIComponent(`${pathname}${search}`);
    return (
      <Group gap="xs">
        <Button component={Link} to={`/sign-in?next=${next}`} variant="outline" size="sm">
          {t('session.signIn')}
        </Button>
        <Button component={Link} to={`/sign-up?next=${next}`} size="sm">
          {t('session.signUp')}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      {user.memberships.length > 1 && membership && (
        <NativeSelect
          label={t('session.organization')}
          size="sm"
          value={membership.organizationId}
          onChange={(event) => {
            chooseOrganization(event.currentTarget.value);
            void navigate('/');
          }}
        >
          {user.memberships.map((option) => (
            <MembershipOption key={option.organizationId} membership={option} />
          ))}
        </NativeSelect>
      )}
      {membership && (
        <Button component={Link} to="/organization" variant="subtle" size="sm">
          {user.memberships.length > 1 ? t('session.profile') : <OrganizationLabel membership={membership} />}
        </Button>
      )}
      {user.memberships.length === 0 && (
        <Button component={Link} to="/organization/new" variant="subtle" size="sm">
          {t('organization.createTitle')}
        </Button>
      )}
      <Button
        variant="outline"
        size="sm"
        onClick={() => void signOut().then(() => navigate('/'))}
        aria-label={t('session.signOutAs', { name: user.displayName })}
      >
        {t('session.signOut')}
      </Button>
    </Group>
  );
}

function OrganizationLabel({ membership }: { membership: Membership }) {
  const { data } = useQuery(OrganizationProfileDocument, { variables: { id: membership.organizationId } });
  return <>{data?.organization?.name ?? membership.organizationKind}</>;
}

function MembershipOption({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  const { data } = useQuery(OrganizationProfileDocument, { variables: { id: membership.organizationId } });
  return (
    <option value={membership.organizationId}>
      {data?.organization?.name ?? t(`enums.organizationKind.${membership.organizationKind}`)}
    </option>
  );
}
