import '@mantine/core/styles.css';
import './app/global.css';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createApolloClient } from './apollo/apollo-client';
import { router } from './app/router';
import { cssVariablesResolver, theme } from './app/theme';
import { setUpI18n } from './i18n/i18n';

setUpI18n();
const apolloClient = createApolloClient();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element.');

createRoot(rootElement).render(
  <StrictMode>
    {/* One light scheme for now: its colours are the ones checked against WCAG AA contrast. */}
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <ApolloProvider client={apolloClient}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </MantineProvider>
  </StrictMode>,
);
