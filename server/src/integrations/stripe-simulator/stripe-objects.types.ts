/**
 * The Stripe objects the simulator keeps, in the shapes of Stripe's API (a subset of the fields: those a
 * marketplace's billing and reconciliation read). Types, not interfaces, so that each is a `JsonObject`.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Metadata = { [key: string]: string };

type Base<Kind extends string> = { id: string; object: Kind; created: number; livemode: false };

export type StripeList<T extends Json> = {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
  total_count?: number;
};

export type Customer = Base<'customer'> & {
  email: string | null;
  name: string | null;
  description: string | null;
  balance: number;
  currency: string | null;
  delinquent: boolean;
  default_source: string | null;
  invoice_settings: { default_payment_method: string | null; custom_fields: null; footer: null };
  metadata: Metadata;
};

export type PaymentMethod = Base<'payment_method'> & {
  type: 'card' | 'us_bank_account';
  customer: string | null;
  billing_details: { address: null; email: null; name: null; phone: null };
  card: {
    brand: string;
    last4: string;
    exp_month: number;
    exp_year: number;
    funding: string;
    country: string;
  } | null;
  us_bank_account: { bank_name: string; last4: string; routing_number: string; account_type: string } | null;
  metadata: Metadata;
};

export type StripeErrorObject = {
  type: string;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: JsonObject;
  payment_method?: JsonObject;
};

export type SetupIntent = Base<'setup_intent'> & {
  customer: string | null;
  payment_method: string | null;
  payment_method_types: string[];
  status: 'requires_payment_method' | 'requires_confirmation' | 'succeeded' | 'canceled';
  usage: string;
  client_secret: string;
  description: string | null;
  last_setup_error: StripeErrorObject | null;
  latest_attempt: string | null;
  next_action: null;
  cancellation_reason: null;
  metadata: Metadata;
};

export type Account = Base<'account'> & {
  type: string;
  country: string;
  email: string | null;
  default_currency: string;
  business_type: string | null;
  details_submitted: boolean;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  capabilities: { [capability: string]: 'active' | 'inactive' | 'pending' };
  requirements: {
    currently_due: string[];
    eventually_due: string[];
    past_due: string[];
    pending_verification: string[];
    disabled_reason: string | null;
    current_deadline: number | null;
    errors: JsonObject[];
  };
  metadata: Metadata;
};

export type AccountLink = { object: 'account_link'; created: number; expires_at: number; url: string };

export type PaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'succeeded'
  | 'canceled';

export type PaymentIntent = Base<'payment_intent'> & {
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  customer: string | null;
  description: string | null;
  payment_method: string | null;
  payment_method_types: string[];
  status: PaymentIntentStatus;
  capture_method: 'automatic';
  confirmation_method: 'automatic';
  client_secret: string;
  latest_charge: string | null;
  last_payment_error: StripeErrorObject | null;
  next_action: JsonObject | null;
  application_fee_amount: number | null;
  transfer_data: { destination: string } | null;
  transfer_group: string | null;
  on_behalf_of: null;
  setup_future_usage: string | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  receipt_email: null;
  metadata: Metadata;
};

export type Charge = Base<'charge'> & {
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  currency: string;
  customer: string | null;
  description: string | null;
  status: 'succeeded' | 'pending' | 'failed';
  paid: boolean;
  captured: boolean;
  refunded: boolean;
  disputed: boolean;
  balance_transaction: string | null;
  payment_intent: string;
  payment_method: string;
  failure_code: string | null;
  failure_message: string | null;
  outcome: {
    network_status: string;
    reason: string | null;
    risk_level: string;
    seller_message: string;
    type: string;
  };
  application_fee: string | null;
  application_fee_amount: number | null;
  destination: string | null;
  transfer: string | null;
  transfer_data: { destination: string; amount: null } | null;
  transfer_group: string | null;
  on_behalf_of: null;
  metadata: Metadata;
};

export type FeeDetail = {
  amount: number;
  application: string | null;
  currency: string;
  description: string;
  type: 'stripe_fee' | 'application_fee';
};

export type BalanceTransactionType =
  'charge' | 'refund' | 'transfer' | 'transfer_refund' | 'adjustment' | 'payout' | 'payout_failure';

export type BalanceTransaction = Base<'balance_transaction'> & {
  amount: number;
  currency: string;
  fee: number;
  fee_details: FeeDetail[];
  net: number;
  type: BalanceTransactionType;
  reporting_category: string;
  source: string;
  description: string | null;
  available_on: number;
  status: 'available' | 'pending';
  exchange_rate: null;
};

export type Transfer = Base<'transfer'> & {
  amount: number;
  amount_reversed: number;
  currency: string;
  destination: string;
  destination_payment: string;
  source_transaction: string;
  balance_transaction: string;
  reversed: boolean;
  reversals: StripeList<string>;
  transfer_group: string | null;
  description: string | null;
  metadata: Metadata;
};

export type TransferReversal = Base<'transfer_reversal'> & {
  amount: number;
  currency: string;
  transfer: string;
  balance_transaction: string;
  source_refund: string;
  destination_payment_refund: string;
  metadata: Metadata;
};

export type ApplicationFee = Base<'application_fee'> & {
  account: string;
  amount: number;
  amount_refunded: number;
  currency: string;
  charge: string;
  application: string;
  balance_transaction: null;
  originating_transaction: null;
  refunded: boolean;
  refunds: StripeList<string>;
};

export type FeeRefund = Base<'fee_refund'> & {
  amount: number;
  currency: string;
  fee: string;
  balance_transaction: null;
  metadata: Metadata;
};

export type Refund = Base<'refund'> & {
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  balance_transaction: string;
  reason: string | null;
  status: 'succeeded';
  transfer_reversal: string | null;
  metadata: Metadata;
};

export type Dispute = Base<'dispute'> & {
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  reason: string;
  status: 'needs_response' | 'won' | 'lost';
  is_charge_refundable: boolean;
  balance_transactions: BalanceTransaction[];
  evidence_details: { due_by: number; has_evidence: boolean; past_due: boolean; submission_count: number };
  metadata: Metadata;
};

export type Payout = Base<'payout'> & {
  amount: number;
  currency: string;
  arrival_date: number;
  automatic: boolean;
  balance_transaction: string;
  description: string;
  destination: string;
  failure_balance_transaction: string | null;
  failure_code: string | null;
  failure_message: string | null;
  method: 'standard';
  reconciliation_status: 'completed';
  source_type: 'card';
  statement_descriptor: null;
  status: 'pending' | 'paid' | 'failed';
  type: 'bank_account';
  metadata: Metadata;
};

export type StripeEvent = Base<'event'> & {
  api_version: string;
  type: string;
  account?: string;
  data: { object: JsonObject; previous_attributes?: JsonObject };
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
};

export type StoredObject =
  | Customer
  | PaymentMethod
  | SetupIntent
  | Account
  | PaymentIntent
  | Charge
  | BalanceTransaction
  | Transfer
  | TransferReversal
  | ApplicationFee
  | FeeRefund
  | Refund
  | Dispute
  | Payout
  | StripeEvent;

export type ObjectName = StoredObject['object'];
export type ObjectOf<Name extends ObjectName> = Extract<StoredObject, { object: Name }>;
