import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import classes from './finance.module.css';

/** The platform finance area's pages, as links above each of them. */
export function FinanceNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/finance/reconciliation', label: t('finance.nav.reconciliation') },
    { to: '/finance/ledger', label: t('finance.nav.ledger') },
    { to: '/finance/payouts', label: t('finance.nav.payouts') },
    { to: '/finance/stripe-events', label: t('finance.nav.stripeEvents') },
    { to: '/finance/ageing', label: t('finance.nav.ageing') },
    { to: '/finance/reports', label: t('finance.nav.reports') },
  ];
  return (
    <nav aria-label={t('finance.nav.label')}>
      <Group gap="md" wrap="wrap" mb="md">
        {links.map((link) => (
          <NavLink key={link.to} to={link.to} className={classes.tab}>
            {link.label}
          </NavLink>
        ))}
      </Group>
    </nav>
  );
}
