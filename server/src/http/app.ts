import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import mongoose from 'mongoose';
import { systemClock, type Clock } from '../common/clock';
import { logger } from '../common/logger';
import type { RequestContext } from '../common/request-context';
import type { MessageId } from '../i18n/message';
import { negotiateLocale } from '../i18n/locale';
import { runInLocale } from '../i18n/request-locale';
import { translate } from '../i18n/translate';
import type { GraphQLContext } from '../graphql/context';
import { formatError, isUnexpected } from '../graphql/errors';
import { createLoaders } from '../graphql/loaders';
import { buildApiSchema } from '../graphql/schema';
import type { Services } from '../services';
import { reportsCsvRouter } from '../modules/reports/reports.csv-route';
import { WebhookSignatureError } from '../modules/billing/stripe-webhook.service';

type RequestWithId = Request & { requestId?: string };

const REQUEST_ID_PATTERN = /^[\w-]{8,64}$/;

/** The HTTP application: security headers, the GraphQL endpoint, health, and the web client. */
export async function createApp(
  services: Services,
  options: { clock?: Clock } = {},
): Promise<{ app: express.Express; apollo: ApolloServer<GraphQLContext> }> {
  const { config } = services;
  const clock = options.clock ?? systemClock;
  const production = config.nodeEnv === 'production';
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestIdAndLog);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Mantine and GraphiQL set inline styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: production ? [] : null,
        },
      },
      strictTransportSecurity: production,
    }),
  );

  const schema = await buildApiSchema();
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphql.maxDepth },
    costLimit: { maxCost: config.graphql.maxCost },
    maxAliases: { n: config.graphql.maxAliases },
    maxDirectives: { n: config.graphql.maxDirectives },
    maxTokens: { n: config.graphql.maxTokens },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !production,
    // One operation per request: batching would multiply every limit above.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    validationRules: armor.validationRules,
    plugins: [
      ...armor.plugins,
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ contextValue, errors, operationName }) {
              for (const error of errors) {
                if (isUnexpected(error)) {
                  logger.error(
                    {
                      requestId: contextValue.request.requestId,
                      operationName,
                      err: error.originalError ?? error,
                      path: error.path,
                    },
                    'unexpected error in a GraphQL request',
                  );
                }
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    const [database, stripe] = await Promise.all([checkDatabase(), checkStripe(services)]);
    const ok = database.ok && stripe.ok;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, stripe });
  });

  // Stripe signs the exact bytes it sent: the body must reach the verifier raw, before any JSON parser.
  app.post('/webhooks/stripe', express.raw({ type: '*/*', limit: '1mb' }), async (req, res, next) => {
    try {
      const signature = req.headers['stripe-signature'];
      const status = await services.stripeWebhooks.receive(
        Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        typeof signature === 'string' ? signature : undefined,
        clock,
      );
      // A handler that failed is kept and retried by us; Stripe's own redelivery is welcome too, hence 500.
      res.status(status === 'FAILED' ? 500 : 200).json({ received: true, status });
    } catch (error) {
      if (error instanceof WebhookSignatureError) {
        res.status(400).json({ error: 'The Stripe signature is missing or does not verify.' });
        return;
      }
      next(error);
    }
  });

  app.use(
    '/graphql',
    answerInRequestedLanguage,
    express.json({ limit: config.bodyLimitBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<GraphQLContext> => {
        const request = await requestContext(services, req as RequestWithId, clock);
        return { request, services, loaders: createLoaders(services) };
      },
    }),
  );

  app.use(
    '/reports',
    reportsCsvRouter(
      services.reports,
      (req) => requestContext(services, req as RequestWithId, clock),
      (ctx, range) => services.reconciliation.payoutRows(ctx, range),
    ),
  );

  if (!production) {
    app.get('/graphiql', (_req, res, next) => sendClientFile(res, config.clientDist, 'graphiql.html', next));
  }
  // Only the web client's files are compressed: an API answer can hold a token beside text the request chose,
  // which compressed over TLS leaks the token a byte at a time (BREACH).
  const compressClient = compression();
  app.use(compressClient, express.static(config.clientDist, { index: false, maxAge: production ? '1h' : 0 }));
  // The web client routes in the browser; any other page address gets its shell.
  app.get(/^\/(?!graphql|healthz|webhooks|assets\/).*/, compressClient, (_req, res, next) =>
    sendClientFile(res, config.clientDist, 'index.html', next),
  );

  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status =
      (error as { status?: number; statusCode?: number }).status ??
      (error as { statusCode?: number }).statusCode ??
      500;
    if (status >= 500)
      logger.error(
        { requestId: (req as RequestWithId).requestId, err: error },
        'unexpected error in an HTTP request',
      );
    const message: MessageId =
      status === 413
        ? 'The request body is too large.'
        : status === 400
          ? 'The request body is not valid JSON.'
          : status < 500
            ? 'The request was not understood.'
            : 'Something went wrong on our side.';
    const code =
      status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    const locale = negotiateLocale(req.headers['accept-language']);
    res.vary('Accept-Language');
    res.status(status).json({ errors: [{ message: translate(locale, { message }), extensions: { code } }] });
  });
  return { app, apollo };
}

function sendClientFile(res: Response, clientDist: string, file: string, next: NextFunction): void {
  const filePath = path.join(clientDist, file);
  if (!existsSync(filePath)) return next();
  res.sendFile(filePath);
}

async function requestContext(services: Services, req: RequestWithId, clock: Clock): Promise<RequestContext> {
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null;
  const viewer = token ? await services.identity.viewerForAccessToken(token, clock.now()) : null;
  return {
    requestId: req.requestId ?? randomUUID(),
    viewer,
    ipAddress: req.ip ?? 'unknown',
    clock,
    system: false,
  };
}

/** The API's own messages in the request's `Accept-Language`; see graphql/errors.ts. */
function answerInRequestedLanguage(req: Request, res: Response, next: NextFunction): void {
  res.vary('Accept-Language');
  runInLocale(negotiateLocale(req.headers['accept-language']), next);
}

function requestIdAndLog(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const requestId =
    typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
  (req as RequestWithId).requestId = requestId;
  res.setHeader('x-request-id', requestId);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const body = req.body as { operationName?: unknown } | undefined;
    logger.info(
      {
        requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        operationName: typeof body?.operationName === 'string' ? body.operationName : undefined,
      },
      'request',
    );
  });
  next();
}

async function checkDatabase(): Promise<{ ok: boolean; latencyMs?: number; error?: string }> {
  const started = Date.now();
  try {
    const db = mongoose.connection.db;
    if (!db) return { ok: false, error: 'not connected' };
    await db.admin().ping();
    return { ok: true, latencyMs: Date.now() - started };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function checkStripe(
  services: Services,
): Promise<{ ok: boolean; mode: string; latencyMs?: number; error?: string }> {
  const started = Date.now();
  try {
    await services.stripe.balance.retrieve();
    return { ok: true, mode: services.stripeMode, latencyMs: Date.now() - started };
  } catch (error) {
    return {
      ok: false,
      mode: services.stripeMode,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
