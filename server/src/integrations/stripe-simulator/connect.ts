import type { Params } from './params';
import type { Account, AccountLink } from './stripe-objects.types';
import type { SimulatorStore } from './store';

const ONBOARDING_REQUIREMENTS = [
  'business_type',
  'external_account',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];

/** Connect accounts of the platform: created un-onboarded, onboarded by a control call or the account link. */
export function createAccount(store: SimulatorStore, params: Params): Account {
  const requested = Object.keys(params.object('capabilities')?.raw ?? {});
  const capabilities: Account['capabilities'] = {};
  for (const capability of requested.length > 0 ? requested : ['transfers'])
    capabilities[capability] = 'inactive';
  const account = store.insert<Account>({
    id: store.nextId('acct'),
    object: 'account',
    created: store.now(),
    livemode: false,
    type: params.string('type') ?? 'express',
    country: params.string('country') ?? 'US',
    email: params.string('email') ?? null,
    default_currency: params.string('default_currency') ?? 'usd',
    business_type: params.string('business_type') ?? null,
    details_submitted: false,
    charges_enabled: false,
    payouts_enabled: false,
    capabilities,
    requirements: {
      currently_due: [...ONBOARDING_REQUIREMENTS],
      eventually_due: [...ONBOARDING_REQUIREMENTS],
      past_due: [...ONBOARDING_REQUIREMENTS],
      pending_verification: [],
      disabled_reason: 'requirements.past_due',
      current_deadline: null,
      errors: [],
    },
    metadata: params.metadata(),
  });
  return account;
}

/** Stripe's links expire after a few minutes; this one leads to the simulator's own onboarding route. */
export function createAccountLink(store: SimulatorStore, params: Params, baseUrl: string): AccountLink {
  const account = store.getOrThrow('account', params.requiredString('account'), 'account', 'account');
  const created = store.now();
  const returnUrl = params.string('return_url');
  const query = returnUrl ? `?return_url=${encodeURIComponent(returnUrl)}` : '';
  return {
    object: 'account_link',
    created,
    expires_at: created + 300,
    url: `${baseUrl}/__simulator/connect/onboarding/${account.id}${query}`,
  };
}

/** What the account holder finishing Stripe's hosted onboarding does: everything enabled, `account.updated`. */
export function completeOnboarding(store: SimulatorStore, accountId: string): Account {
  const account = store.getOrThrow('account', accountId, 'account');
  if (account.details_submitted && account.charges_enabled && account.payouts_enabled) return account;
  const previousAttributes = {
    details_submitted: account.details_submitted,
    charges_enabled: account.charges_enabled,
    payouts_enabled: account.payouts_enabled,
    capabilities: { ...account.capabilities },
    requirements: structuredClone(account.requirements),
  };
  account.details_submitted = true;
  account.charges_enabled = true;
  account.payouts_enabled = true;
  for (const capability of Object.keys(account.capabilities)) account.capabilities[capability] = 'active';
  account.requirements = {
    currently_due: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
    disabled_reason: null,
    current_deadline: null,
    errors: [],
  };
  store.emit('account.updated', account, { previousAttributes, account: account.id });
  return account;
}
