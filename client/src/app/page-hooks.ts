import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

export const MAIN_CONTENT_ID = 'main-content';

/** Names the browser tab after the page (WCAG 2.4.2), in the interface language. */
export function useDocumentTitle(page: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? t('app.documentTitle', { page }) : t('app.name');
  }, [page, t]);
}

/**
 * After moving to another page, puts the focus at the start of the main content, as a full page load would put it at
 * the top: keyboard and screen reader users then continue from the new page, not from the link they left. Changes
 * of the query string alone (filters) leave the focus where it is.
 */
export function useFocusMainOnNavigation(): void {
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    focusMainContent();
  }, [pathname]);
}

export function focusMainContent(): void {
  document.getElementById(MAIN_CONTENT_ID)?.focus();
}
