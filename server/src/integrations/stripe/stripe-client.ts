import Stripe from 'stripe';

/** A stripe-mock endpoint stands in for api.stripe.com on the embedded default and in tests. */
export type StripeEndpoint = { host: string; port: number };

// stripe-mock accepts a key shaped like a test key (letters and digits after sk_test_); it never reaches Stripe.
export const STRIPE_MOCK_KEY = 'sk_test_usefirststripemock';

export function createStripeClient(secretKey: string, endpoint?: StripeEndpoint): Stripe {
  return new Stripe(secretKey, {
    maxNetworkRetries: 0,
    timeout: 20_000,
    appInfo: { name: 'UseFirst' },
    ...(endpoint ? { host: endpoint.host, port: endpoint.port, protocol: 'http' as const } : {}),
  });
}
