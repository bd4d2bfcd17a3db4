import { Router, type Request, type Response } from 'express';
import { AppError, type MessageId } from '../../common/errors';
import { negotiateLocale } from '../../i18n/locale';
import { translate } from '../../i18n/translate';
import type { RequestContext } from '../../common/request-context';
import type { ReportsService } from './reports.service';
import { payoutReconciliationCsv, type PayoutReconciliationSource } from './payout-reconciliation.port';
import {
  AGEING_VIEWS,
  DISTRIBUTION_VIEWS,
  STATEMENT_PARTS,
  ageingCsv,
  distributionCsv,
  oneOf,
  platformRevenueCsv,
  statementCsv,
  type CsvFile,
} from './report-csv-tables';

/**
 * The reports as CSV downloads, `GET /reports/<name>.csv?…`, for the same people as the GraphQL queries: the
 * request context comes from the same bearer access token (`Authorization: Bearer …`), and the service decides who
 * sees what. Errors are JSON in the API's shape, `{ errors: [{ message, extensions: { code, field } }] }`, with the
 * HTTP status of their code and the message in the request's `Accept-Language`, as on /graphql.
 *
 * - `ageing.csv?asOf=YYYY-MM-DD[&organizationId=…][&by=obligation|licensor|licensee|contract|patent]`
 * - `statement.csv?contractId=…[&part=entries|obligations]`
 * - `distribution.csv?licensorId=…&from=…&to=…[&period=MONTH|QUARTER][&by=patent|contract|period]`
 * - `platform-revenue.csv?from=…&to=…`
 * - `payouts.csv?from=…&to=…` (the reconciliation state of each payout arriving in that range)
 */
export function reportsCsvRouter(
  reports: ReportsService,
  contextOf: (req: Request) => Promise<RequestContext>,
  payouts?: PayoutReconciliationSource,
): Router {
  const router = Router();
  const download =
    (build: (ctx: RequestContext, query: Query) => Promise<CsvFile>) =>
    async (req: Request, res: Response) => {
      try {
        const file = await build(await contextOf(req), new Query(req));
        res
          .status(200)
          .set({
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${safeFilename(file.filename)}"`,
            // Money of named organisations: no shared cache may keep it.
            'Cache-Control': 'no-store',
          })
          .send(file.body);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        res.vary('Accept-Language');
        res.status(HTTP_STATUS[error.code] ?? 400).json({
          errors: [
            {
              message: translate(negotiateLocale(req.headers['accept-language']), error.text),
              extensions: { code: error.code, ...(error.field ? { field: error.field } : {}) },
            },
          ],
        });
      }
    };

  router.get(
    '/ageing.csv',
    download(async (ctx, q) => {
      const view = oneOf('by', q.optional('by'), AGEING_VIEWS, 'obligation');
      const report = await reports.receivablesAgeing(ctx, {
        asOf: q.required('asOf'),
        organizationId: q.optional('organizationId'),
      });
      return ageingCsv(report, view);
    }),
  );
  router.get(
    '/statement.csv',
    download(async (ctx, q) => {
      const part = oneOf('part', q.optional('part'), STATEMENT_PARTS, 'entries');
      return statementCsv(await reports.contractStatement(ctx, q.required('contractId')), part);
    }),
  );
  router.get(
    '/distribution.csv',
    download(async (ctx, q) => {
      const view = oneOf('by', q.optional('by'), DISTRIBUTION_VIEWS, 'patent');
      const report = await reports.licensorDistribution(ctx, {
        licensorId: q.required('licensorId'),
        from: q.required('from'),
        to: q.required('to'),
        period: q.optional('period') ?? 'QUARTER',
      });
      return distributionCsv(report, view);
    }),
  );
  router.get(
    '/platform-revenue.csv',
    download(async (ctx, q) =>
      platformRevenueCsv(
        await reports.platformRevenue(ctx, { from: q.required('from'), to: q.required('to') }),
      ),
    ),
  );
  if (payouts)
    router.get(
      '/payouts.csv',
      download(async (ctx, q) => ({
        filename: `payouts-${q.required('from')}-${q.required('to')}.csv`,
        body: payoutReconciliationCsv(await payouts(ctx, { from: q.required('from'), to: q.required('to') })),
      })),
    );
  // Any other CSV under /reports is an unknown report; other paths go on to the web client.
  router.get(/\.csv$/, (req, res) => {
    const message: MessageId =
      'There is no such report. CSV reports: ageing.csv, statement.csv, distribution.csv, platform-revenue.csv, payouts.csv.';
    res.vary('Accept-Language');
    res.status(404).json({
      errors: [
        {
          message: translate(negotiateLocale(req.headers['accept-language']), { message }),
          extensions: { code: 'NOT_FOUND' },
        },
      ],
    });
  });
  return router;
}

const HTTP_STATUS: Partial<Record<AppError['code'], number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

/** Query parameters as single strings: a repeated one (`?from=a&from=b`) is refused, not guessed at. */
class Query {
  constructor(private readonly req: Request) {}

  optional(name: string): string | null {
    const value = this.req.query[name];
    if (value === undefined || value === '') return null;
    if (typeof value !== 'string') throw AppError.badInput(name, 'Give {{name}} once.', { name });
    return value;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === null) throw AppError.badInput(name, '{{name}} is required.', { name });
    return value;
  }
}

/** Contract numbers and dates only, but a header is no place for anything else. */
function safeFilename(name: string): string {
  return name.replace(/[^\w.-]/g, '_');
}
