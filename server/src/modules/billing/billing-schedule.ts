import { toCalendarDate } from '../../common/calendar-date';
import type { Clock } from '../../common/clock';
import { logger } from '../../common/logger';
import { systemContext } from '../../common/request-context';
import type { Services } from '../../services';

/**
 * The billing run on a timer inside the server (BILLING_SCHEDULE_MINUTES; off by default): advance the contract
 * engine to today, collect what is due, re-apply failed webhook events. One run at a time in this process; runs in
 * other processes are safe too (see CollectionService), merely wasteful.
 */
export function scheduleBilling(services: Services, clock: Clock): { stop(): void } {
  const minutes = services.config.billing.scheduleMinutes;
  if (minutes === 0) return { stop: () => undefined };
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const ctx = systemContext(clock, 'billing-schedule');
      const asOf = toCalendarDate(clock.now());
      await services.contractEngine.advanceTo(ctx, asOf);
      await services.collection.runBilling(ctx, asOf);
      await services.stripeWebhooks.retryFailed(clock);
    } catch (error) {
      logger.error({ err: error }, 'the scheduled billing run failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), minutes * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
