import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../i18n/language-switcher';
import { AccountMenu, WorkspaceLinks } from '../session/account-menu';
import classes from './app-layout.module.css';
import { focusMainContent, MAIN_CONTENT_ID, useFocusMainOnNavigation } from './page-hooks';

export function AppLayout() {
  const { t } = useTranslation();
  useFocusMainOnNavigation();
  return (
    <div className={classes.shell}>
      <a
        href={`#${MAIN_CONTENT_ID}`}
        className={classes.skipLink}
        onClick={(event) => {
          // The router would treat the fragment as a navigation; moving the focus is all the link is for.
          event.preventDefault();
          focusMainContent();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className={classes.header}>
        <div className={classes.headerInner}>
          <Link to="/" className={classes.brand}>
            <span className={classes.brandName}>{t('app.name')}</span>
            <span className={classes.tagline}>{t('app.tagline')}</span>
          </Link>
          <nav aria-label={t('app.primaryNavigation')} className={classes.nav}>
            <NavLink to="/" end className={classes.navLink}>
              {t('app.catalogue')}
            </NavLink>
            <WorkspaceLinks linkClassName={classes.navLink} />
          </nav>
          <AccountMenu />
          <div className={classes.language}>
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className={classes.main}>
        <Outlet />
      </main>
      <footer className={classes.footer}>
        <p>{t('app.footer')}</p>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
