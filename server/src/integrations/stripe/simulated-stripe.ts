import { logger } from '../../common/logger';
import type { Config } from '../../config/config';
import { BillingAccountModel, WITHOUT_STRIPE } from '../../modules/billing/billing-account.model';
import { startStripeSimulator, type StripeSimulator } from '../stripe-simulator';

/**
 * The embedded default's Stripe: stripe-mock alone checks requests but never charges, declines or calls back, so
 * money could not move. The stateful simulator the tests use sits in front of it: every request is still checked
 * by stripe-mock, and payments succeed or decline by test payment method, webhooks arrive, payouts happen.
 *
 * Its state lives in memory. Starting afresh means our stored Stripe ids (customers, saved cards, Connect
 * accounts) name objects the new simulator never made, so they are forgotten at start: licensees save a card again
 * and licensors onboard again, as after moving to another Stripe account.
 */
export async function startSimulatedStripe(
  config: Config,
  stripeMock: { host: string; port: number },
): Promise<StripeSimulator> {
  const simulator = await startStripeSimulator({
    stripeMockUrl: `http://${stripeMock.host}:${stripeMock.port}`,
    webhookSecret: config.stripe.webhookSecret,
    // A seed per start keeps this session's ids apart from any earlier session's.
    seed: Math.floor(Date.now() / 1000) % 1_000_000,
  });
  const forgotten = await BillingAccountModel.updateMany({}, { $set: WITHOUT_STRIPE });
  logger.info(
    { url: simulator.url, billingAccountsReset: forgotten.modifiedCount },
    'Stripe is simulated (stateful, in front of stripe-mock)',
  );
  return simulator;
}

/**
 * What Stripe does by itself: deliver webhooks (here every second) and pay the available balance out to the bank
 * (Stripe's automatic payouts are daily; here every minute, so that finance sees payouts while trying the product).
 */
export function runSimulatedStripe(simulator: StripeSimulator, webhookUrl: string): { stop(): void } {
  simulator.setWebhookUrl(webhookUrl);
  let busy = false;
  const deliver = setInterval(() => {
    if (busy) return;
    busy = true;
    simulator
      .deliverPendingEvents()
      .catch((error: unknown) => logger.warn({ err: error }, 'simulated webhook delivery failed'))
      .finally(() => {
        busy = false;
      });
  }, 1_000);
  const payout = setInterval(() => {
    try {
      for (const p of simulator.createPayouts()) simulator.settlePayout(p.id, 'paid');
    } catch (error) {
      logger.warn({ err: error }, 'simulated payout failed');
    }
  }, 60_000);
  deliver.unref();
  payout.unref();
  return {
    stop: () => {
      clearInterval(deliver);
      clearInterval(payout);
    },
  };
}
