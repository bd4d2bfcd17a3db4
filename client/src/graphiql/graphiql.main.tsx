// The GraphQL IDE the server offers at /graphiql outside production: everything, Monaco's workers included, is
// bundled by Vite, so the page works with no network but the API's own.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { GraphiQL } from 'graphiql';
import { StrictMode, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { freshAccessToken } from '../session/session-store';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * Posts JSON, as the server's CSRF prevention requires, with the signed-in visitor's token unless the headers tab
 * gives another.
 */
const fetcher: Fetcher = async (params, options) => {
  const token = await freshAccessToken();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options?.headers,
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

const EXAMPLE_QUERY = `# The UseFirst API. Ctrl-Enter runs the query; the book icon opens the schema's documentation.
query SearchPatents {
  searchPatents(query: "battery", first: 5) {
    totalCount
    edges {
      node {
        id
        titleEn
        titleZh
        jurisdiction
        legalStatus
        trl
      }
    }
  }
}
`;

const rootElement = document.getElementById('graphiql');
if (!rootElement) throw new Error('graphiql.html has no #graphiql element.');

createRoot(rootElement).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={EXAMPLE_QUERY} />
  </StrictMode>,
);
