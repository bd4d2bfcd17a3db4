import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { CatalogueSearchPage } from '../catalogue/catalogue-search.page';
import { PatentDetailPage } from '../catalogue/patent-detail.page';
import { AppLayout } from './app-layout';
import { NotFoundPage, RouteErrorPage } from './error-pages';

/** `/` is the catalogue's address; `/patents` is kept for links that name it, and keeps their search. */
function ToCatalogue() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/', search }} replace />;
}

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
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
