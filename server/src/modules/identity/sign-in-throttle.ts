import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../../common/errors';

/**
 * Limits sign-in attempts per account-and-address and per address, so that neither guessing one account's password
 * nor spraying many accounts from one address gets far. Successful sign-ins clear the account's counter.
 * The counters live in this process: behind several server instances, put them in a shared store.
 */
export class SignInThrottle {
  private readonly perAccount: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;

  constructor(options: {
    attemptsPerAccountAndAddress: number;
    attemptsPerAddress: number;
    windowSeconds: number;
  }) {
    this.perAccount = new RateLimiterMemory({
      points: options.attemptsPerAccountAndAddress,
      duration: options.windowSeconds,
    });
    this.perAddress = new RateLimiterMemory({
      points: options.attemptsPerAddress,
      duration: options.windowSeconds,
    });
  }

  async consume(email: string, ipAddress: string): Promise<void> {
    try {
      await Promise.all([
        this.perAccount.consume(`${email}|${ipAddress}`),
        this.perAddress.consume(ipAddress),
      ]);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const minutes = Math.max(1, Math.ceil(rejection.msBeforeNext / 60_000));
        throw new AppError(
          'RATE_LIMITED',
          minutes === 1
            ? 'Too many sign-in attempts. Try again in 1 minute.'
            : 'Too many sign-in attempts. Try again in {{minutes}} minutes.',
          { params: { minutes } },
        );
      }
      throw rejection;
    }
  }

  async succeeded(email: string, ipAddress: string): Promise<void> {
    await this.perAccount.delete(`${email}|${ipAddress}`);
  }
}
