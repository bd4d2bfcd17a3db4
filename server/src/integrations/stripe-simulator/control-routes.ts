import type { ControlHandler } from './http-server';
import type { FaultRule, RandomFaultOptions } from './faults';
import type { PayoutFailureCode } from './payouts';
import type { DeliveryOptions } from './webhooks';
import type { StripeSimulatorControls } from './index';

/**
 * The control API over HTTP, for a process that cannot hold the TypeScript handle (a browser test's server, a
 * script): JSON in, JSON out, under `/__simulator/`.
 *
 *   POST /__simulator/faults                           body: FaultRule
 *   POST /__simulator/faults/random                    body: RandomFaultOptions, or null to stop
 *   DELETE /__simulator/faults
 *   POST /__simulator/accounts/:id/complete-onboarding
 *   GET  /__simulator/connect/onboarding/:id?return_url=…  (an account link's url: onboards, then redirects)
 *   POST /__simulator/payment_intents/:id/succeeded | failed
 *   POST /__simulator/charges/:id/dispute               body: { reason?, amount? }
 *   POST /__simulator/disputes/:id/won | lost
 *   POST /__simulator/payouts                           body: { currency? }
 *   POST /__simulator/payouts/:id/paid | failed         body: { failureCode? }
 *   POST /__simulator/webhooks/deliver                  body: { duplicate?, shuffle? }
 *   GET  /__simulator/events?pending=true
 *   POST /__simulator/reset
 */
export function controlRoutes(simulator: StripeSimulatorControls): ControlHandler {
  return async ({ method, path, query, body }) => {
    const json = (): unknown => (body ? JSON.parse(body) : {});
    const [, , area, id, action] = path.split('/');
    try {
      const route = `${method} ${area}${id ? '/:id' : ''}${action ? `/${action}` : ''}`;
      switch (route) {
        case 'POST faults':
          simulator.injectFault(json() as FaultRule);
          return { status: 200, body: { ok: true } };
        case 'POST faults/:id':
          if (id !== 'random') break;
          simulator.setRandomFaults(json() as RandomFaultOptions | null);
          return { status: 200, body: { ok: true } };
        case 'DELETE faults':
          simulator.clearFaults();
          return { status: 200, body: { ok: true } };
        case 'POST accounts/:id/complete-onboarding':
          return { status: 200, body: simulator.completeOnboarding(id) };
        case 'POST payment_intents/:id/succeeded':
        case 'POST payment_intents/:id/failed':
          return { status: 200, body: simulator.settlePaymentIntent(id, action as 'succeeded' | 'failed') };
        case 'POST charges/:id/dispute':
          return {
            status: 200,
            body: simulator.createDispute(id, json() as { reason?: string; amount?: number }),
          };
        case 'POST disputes/:id/won':
        case 'POST disputes/:id/lost':
          return { status: 200, body: simulator.closeDispute(id, action as 'won' | 'lost') };
        case 'POST payouts':
          return { status: 200, body: simulator.createPayouts(json() as { currency?: string }) };
        case 'POST payouts/:id/paid':
        case 'POST payouts/:id/failed': {
          const { failureCode } = json() as { failureCode?: PayoutFailureCode };
          return { status: 200, body: simulator.settlePayout(id, action as 'paid' | 'failed', failureCode) };
        }
        case 'POST webhooks/deliver':
          return { status: 200, body: await simulator.deliverPendingEvents(json() as DeliveryOptions) };
        case 'GET events':
          return {
            status: 200,
            body: query.get('pending') === 'true' ? simulator.pendingEvents() : simulator.allEvents(),
          };
        case 'POST reset':
          simulator.reset();
          return { status: 200, body: { ok: true } };
      }
      if (method === 'GET' && area === 'connect' && id === 'onboarding' && action) {
        simulator.completeOnboarding(action);
        const returnUrl = query.get('return_url');
        return returnUrl
          ? { status: 302, redirect: returnUrl }
          : { status: 200, body: { onboarded: action } };
      }
      return { status: 404, body: { error: `No simulator control route ${method} ${path}` } };
    } catch (error) {
      return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
    }
  };
}
