import path from 'node:path';

/**
 * All configuration, read from the environment in one place and validated at start-up. A bad value stops the
 * server with a message that names the variable. The README lists every variable.
 */
export type Config = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Unset: the server starts its own PostgreSQL + FerretDB (the embedded default). */
  mongodbUri: string | null;
  /** Unset: the server starts stripe-mock and talks to it with a test key. */
  stripeSecretKey: string | null;
  /** Another Stripe API endpoint for STRIPE_SECRET_KEY, such as a stripe-mock you run yourself (http://host:port). */
  stripeApiUrl: string | null;
  /** The PostgreSQL database under a FerretDB given as MONGODB_URI, to add the indexes FerretDB cannot make. */
  ferretDbPostgresUrl: string | null;
  dataDir: string;
  toolsBin: string;
  clientDist: string;
  logLevel: string;
  seedDemoData: boolean;
  jwt: {
    secret: string;
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
  };
  invitationTtlDays: number;
  graphql: {
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
  };
  bodyLimitBytes: number;
  trustProxy: boolean;
  /** China's open-licence guidance, checked on standard (open / express) offers. */
  openLicencePolicy: { mode: 'REFUSE' | 'WARN' | 'OFF'; maxRoyaltyBps: number; maxFixedFeesMinorCny: number };
  signInThrottle: { attemptsPerAccountAndAddress: number; attemptsPerAddress: number; windowSeconds: number };
  stripe: {
    /** Verifies `POST /webhooks/stripe`; production refuses to start without one. */
    webhookSecret: string;
    /** When set, the web client saves cards with Stripe Elements; unset, a Stripe test payment method stands in. */
    publishableKey: string | null;
  };
  billing: {
    /** The platform's fee on every payment, in basis points (500 = 5 %: it must cover Stripe's own fee). */
    platformFeeBps: number;
    /** The most requests per second the billing run sends to Stripe (Stripe's per-endpoint default is 25). */
    stripeRequestsPerSecond: number;
    /** How many obligations the billing run works on at once. */
    concurrency: number;
    /** 0: off. Otherwise the server advances the contract engine and runs billing every so many minutes. */
    scheduleMinutes: number;
  };
};

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const ROOT = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '',
);

// A fixed secret is acceptable only where tokens never leave the machine; production refuses to start without one.
const DEVELOPMENT_JWT_SECRET = 'usefirst-development-secret-do-not-use-in-production';
const DEVELOPMENT_WEBHOOK_SECRET = 'whsec_usefirstdevelopmentonly';

export function loadConfig(env: Env = process.env): Config {
  const errors: string[] = [];
  const read = <T>(name: string, fallback: T, parse: (raw: string) => T | undefined, expected: string): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = parse(raw);
    if (value === undefined) {
      errors.push(`${name} must be ${expected} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const integer = (min: number, max: number) => (raw: string) => {
    const n = Number(raw);
    return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  };
  const bool = (raw: string) =>
    ['true', '1', 'yes'].includes(raw) ? true : ['false', '0', 'no'].includes(raw) ? false : undefined;
  const oneOf =
    <T extends string>(...values: T[]) =>
    (raw: string) =>
      values.includes(raw as T) ? (raw as T) : undefined;

  const nodeEnv = read(
    'NODE_ENV',
    'development' as Config['nodeEnv'],
    oneOf('development', 'production', 'test'),
    'development, production or test',
  );
  const mongodbUri = read<string | null>(
    'MONGODB_URI',
    null,
    (raw) => (/^mongodb(\+srv)?:\/\//.test(raw) ? raw : undefined),
    'a mongodb:// or mongodb+srv:// URI',
  );
  const stripeSecretKey = read<string | null>(
    'STRIPE_SECRET_KEY',
    null,
    (raw) => (/^(sk|rk)_(test|live)_\w+$/.test(raw) ? raw : undefined),
    'a Stripe secret key (sk_test_… or sk_live_…)',
  );
  const jwtSecret = read(
    'JWT_SECRET',
    DEVELOPMENT_JWT_SECRET,
    (raw) => (raw.length >= 32 ? raw : undefined),
    'at least 32 characters long',
  );
  if (nodeEnv === 'production' && jwtSecret === DEVELOPMENT_JWT_SECRET)
    errors.push('JWT_SECRET must be set in production');

  const config: Config = {
    nodeEnv,
    port: read('PORT', 4000, integer(0, 65535), 'a port number (0 to 65535)'),
    host: read('HOST', '127.0.0.1', (raw) => raw, 'a host name or address'),
    mongodbUri,
    stripeSecretKey,
    stripeApiUrl: read<string | null>(
      'STRIPE_API_URL',
      null,
      (raw) => (/^https?:\/\/[^/\s]+:\d+\/?$/.test(raw) ? raw : undefined),
      'an http(s)://host:port address',
    ),
    ferretDbPostgresUrl: read<string | null>(
      'FERRETDB_POSTGRESQL_URL',
      null,
      (raw) => (/^postgres(ql)?:\/\//.test(raw) ? raw : undefined),
      'a postgres:// URL',
    ),
    dataDir: path.resolve(
      ROOT,
      read('DATA_DIR', '.data', (raw) => raw, 'a folder path'),
    ),
    toolsBin: path.resolve(ROOT, '.tools', 'bin'),
    clientDist: path.resolve(ROOT, 'client', 'dist'),
    logLevel: read(
      'LOG_LEVEL',
      'info',
      oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
      'one of fatal, error, warn, info, debug, trace, silent',
    ),
    seedDemoData: read('SEED_DEMO_DATA', mongodbUri === null, bool, 'true or false'),
    jwt: {
      secret: jwtSecret,
      issuer: read('JWT_ISSUER', 'usefirst', (raw) => raw, 'a string'),
      audience: read('JWT_AUDIENCE', 'usefirst-api', (raw) => raw, 'a string'),
      accessTokenTtlSeconds: read(
        'ACCESS_TOKEN_TTL_SECONDS',
        900,
        integer(60, 86_400),
        'seconds between 60 and 86400',
      ),
      refreshTokenTtlDays: read('REFRESH_TOKEN_TTL_DAYS', 30, integer(1, 365), 'days between 1 and 365'),
    },
    invitationTtlDays: read('INVITATION_TTL_DAYS', 7, integer(1, 90), 'days between 1 and 90'),
    graphql: {
      maxDepth: read('GRAPHQL_MAX_DEPTH', 10, integer(2, 50), 'an integer between 2 and 50'),
      maxCost: read(
        'GRAPHQL_MAX_COST',
        20_000,
        integer(100, 1_000_000),
        'an integer between 100 and 1000000',
      ),
      maxAliases: read('GRAPHQL_MAX_ALIASES', 15, integer(0, 100), 'an integer between 0 and 100'),
      maxDirectives: read('GRAPHQL_MAX_DIRECTIVES', 20, integer(0, 100), 'an integer between 0 and 100'),
      maxTokens: read(
        'GRAPHQL_MAX_TOKENS',
        2_000,
        integer(100, 100_000),
        'an integer between 100 and 100000',
      ),
    },
    bodyLimitBytes: read(
      'BODY_LIMIT_BYTES',
      100_000,
      integer(1_000, 10_000_000),
      'bytes between 1000 and 10000000',
    ),
    trustProxy: read('TRUST_PROXY', false, bool, 'true or false'),
    openLicencePolicy: {
      mode: read(
        'OPEN_LICENCE_POLICY',
        'REFUSE' as 'REFUSE' | 'WARN' | 'OFF',
        oneOf('REFUSE', 'WARN', 'OFF'),
        'REFUSE, WARN or OFF',
      ),
      maxRoyaltyBps: read(
        'OPEN_LICENCE_MAX_ROYALTY_BPS',
        2_000,
        integer(0, 10_000),
        'basis points between 0 and 10000',
      ),
      maxFixedFeesMinorCny: read(
        'OPEN_LICENCE_MAX_FIXED_FEES_FEN',
        2_000_000_000,
        integer(0, Number.MAX_SAFE_INTEGER),
        'an amount in fen (CNY minor units)',
      ),
    },
    signInThrottle: {
      attemptsPerAccountAndAddress: read(
        'SIGN_IN_ATTEMPTS_PER_ACCOUNT',
        5,
        integer(1, 1000),
        'an integer between 1 and 1000',
      ),
      attemptsPerAddress: read(
        'SIGN_IN_ATTEMPTS_PER_ADDRESS',
        50,
        integer(1, 100_000),
        'an integer between 1 and 100000',
      ),
      windowSeconds: read('SIGN_IN_WINDOW_SECONDS', 900, integer(1, 86_400), 'seconds between 1 and 86400'),
    },
    stripe: {
      webhookSecret: read(
        'STRIPE_WEBHOOK_SECRET',
        DEVELOPMENT_WEBHOOK_SECRET,
        (raw) => (/^whsec_\w+$/.test(raw) ? raw : undefined),
        'a webhook signing secret (whsec_…)',
      ),
      publishableKey: read<string | null>(
        'STRIPE_PUBLISHABLE_KEY',
        null,
        (raw) => (/^pk_(test|live)_\w+$/.test(raw) ? raw : undefined),
        'a Stripe publishable key (pk_test_… or pk_live_…)',
      ),
    },
    billing: {
      platformFeeBps: read('PLATFORM_FEE_BPS', 500, integer(0, 10_000), 'basis points between 0 and 10000'),
      stripeRequestsPerSecond: read(
        'STRIPE_REQUESTS_PER_SECOND',
        25,
        integer(1, 1_000),
        'an integer between 1 and 1000',
      ),
      concurrency: read('BILLING_CONCURRENCY', 8, integer(1, 64), 'an integer between 1 and 64'),
      scheduleMinutes: read('BILLING_SCHEDULE_MINUTES', 0, integer(0, 10_080), 'minutes between 0 and 10080'),
    },
  };
  // Without a key the server simulates Stripe and forgets stored Stripe ids at start: never in production.
  if (nodeEnv === 'production' && !stripeSecretKey)
    errors.push('STRIPE_SECRET_KEY must be set in production');
  if (nodeEnv === 'production' && config.stripe.webhookSecret === DEVELOPMENT_WEBHOOK_SECRET)
    errors.push('STRIPE_WEBHOOK_SECRET must be set in production');
  if (errors.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${errors.join('\n  - ')}`);
  return config;
}
