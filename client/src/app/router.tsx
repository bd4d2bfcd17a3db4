import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router';
import { CatalogueSearchPage } from '../catalogue/catalogue-search.page';
import { PatentDetailPage } from '../catalogue/patent-detail.page';
import { AppLayout } from './app-layout';
import { NotFoundPage, RouteErrorPage } from './error-pages';

/** `/` is the catalogue's address; `/patents` is kept for links that name it, and keeps their search. */
function ToCatalogue() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/', search }} replace />;
}

// The catalogue loads with the first page; everything behind a sign-in loads when first visited, so a visitor who
// only searches never downloads the forms and the charts.
const workspace = () => import('./workspace-routes');
const lazyPage = (name: keyof Awaited<ReturnType<typeof workspace>>['pages']): RouteObject['lazy'] => {
  return async () => ({ Component: (await workspace()).pages[name] });
};
const guarded = (
  guard: keyof Awaited<ReturnType<typeof workspace>>['guards'],
  children: RouteObject[],
): RouteObject => ({
  lazy: async () => ({ Component: (await workspace()).guards[guard] }),
  children,
});

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      {
        // Inside the layout, so that a page that fails still has the header, the language switcher and the footer.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <CatalogueSearchPage /> },
          { path: 'patents', element: <ToCatalogue /> },
          { path: 'patents/:id', element: <PatentDetailPage /> },
          { path: 'sign-in', lazy: lazyPage('signIn') },
          { path: 'sign-up', lazy: lazyPage('signUp') },
          { path: 'organization/new', lazy: lazyPage('createOrganization') },
          guarded('member', [
            { path: 'organization', lazy: lazyPage('organizationProfile') },
            { path: 'contracts', lazy: lazyPage('contracts') },
            { path: 'contracts/:id', lazy: lazyPage('contract') },
            { path: 'requests', lazy: lazyPage('requests') },
            { path: 'requests/:id', lazy: lazyPage('request') },
            { path: 'notifications', lazy: lazyPage('notifications') },
          ]),
          guarded('sme', [{ path: 'offers/:offerId/request', lazy: lazyPage('requestLicense') }]),
          guarded('tto', [
            { path: 'tto/patents', lazy: lazyPage('ttoPatents') },
            { path: 'tto/patents/new', lazy: lazyPage('ttoPatent') },
            { path: 'tto/patents/:id', lazy: lazyPage('ttoPatent') },
            { path: 'tto/offers', lazy: lazyPage('ttoOffers') },
            { path: 'tto/offers/new', lazy: lazyPage('newOffer') },
            { path: 'tto/offers/:id', lazy: lazyPage('ttoOffer') },
            { path: 'tto/report-deadlines', lazy: lazyPage('reportDeadlines') },
          ]),
          guarded('finance', [
            { path: 'finance', element: <Navigate to="/finance/reconciliation" replace /> },
            { path: 'finance/reconciliation', lazy: lazyPage('reconciliation') },
            { path: 'finance/ledger', lazy: lazyPage('ledger') },
            { path: 'finance/payouts', lazy: lazyPage('payouts') },
            { path: 'finance/stripe-events', lazy: lazyPage('stripeEvents') },
            { path: 'finance/ageing', lazy: lazyPage('ageing') },
            { path: 'finance/reports', lazy: lazyPage('financeReports') },
          ]),
          guarded('organizationFinance', [
            { path: 'organization/reports', lazy: lazyPage('organizationReports') },
          ]),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
