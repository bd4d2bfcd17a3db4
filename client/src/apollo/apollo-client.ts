import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import type { PatentSearchConnection } from '../catalogue/catalogue.types';
import { authorizationHeaders } from './access-token';

// Read the token for every request rather than once, so that signing in or out takes effect without a reload.
const authLink = new SetContextLink((previous) => ({
  headers: { ...previous.headers, ...authorizationHeaders() },
}));

// HttpLink posts `Content-Type: application/json`, which is what the server's CSRF prevention asks for.
const httpLink = new HttpLink({ uri: '/graphql' });

const cache = new InMemoryCache({
  typePolicies: {
    Query: {
      fields: {
        searchPatents: {
          // One cache entry per search; `first` and `after` only page through it.
          keyArgs: ['query', 'filter', 'sort'],
          merge(existing: PatentSearchConnection | undefined, incoming: PatentSearchConnection, { args }) {
            if (!existing || !args?.['after']) return incoming;
            return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
          },
        },
      },
    },
  },
});

export function createApolloClient(): ApolloClient {
  return new ApolloClient({ link: ApolloLink.from([authLink, httpLink]), cache });
}
