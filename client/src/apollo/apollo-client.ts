import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import type { PatentSearchConnection } from '../catalogue/catalogue.types';
import { currentLocale } from '../i18n/i18n';
import { freshAccessToken } from '../session/session-store';
import { languageLink } from './language-link';

// Read the token for every request rather than once, so that signing in or out takes effect without a reload; an
// access token about to expire is renewed first.
const authLink = new SetContextLink(async (previous) => {
  const token = await freshAccessToken();
  return { headers: { ...previous.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
});

// HttpLink posts `Content-Type: application/json`, which is what the server's CSRF prevention asks for.
const httpLink = new HttpLink({ uri: '/graphql' });

function createCache(): InMemoryCache {
  return new InMemoryCache({
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
      // Offers, contracts and requests are shown with different selections; merge them rather than replace.
      PaymentPlanShape: { merge: true },
      // One per organisation: saving a method or refreshing onboarding updates the card that shows it.
      BillingAccount: { keyFields: ['organizationId'] },
      // A cause's `id` is what caused the entry, not the cause: a payment, its fee and its transfer all have the
      // payment intent's. Kept inside its entry, or the cache would fold the three causes into one.
      LedgerCause: { keyFields: false },
      // An entry's `lines` and `complete` are what the asking organisation may see of it: someone doing finance for
      // both parties sees the same entry id with other lines under the other organisation. Kept inside each list.
      LedgerEntry: { keyFields: false },
      // Obligations and report lines have no id of their own in every selection.
      Contract: { fields: { paymentPlan: { merge: true } } },
      // One report per date and organisation, read by two queries (the ageing and its per-contract and per-patent
      // breakdown): each adds its fields, rather than one replacing the other's and both fetching again.
      ReceivablesAgeing: { merge: true },
      LicenseRequest: { fields: { proposal: { merge: true } } },
      LicenseOffer: { fields: { paymentPlan: { merge: true } } },
    },
  });
}

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([authLink, languageLink(currentLocale), httpLink]),
    cache: createCache(),
  });
}
