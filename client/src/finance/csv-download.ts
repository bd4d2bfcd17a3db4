import { freshAccessToken } from '../session/session-store';

/** The reports the server offers as CSV: `GET /reports/<name>.csv` (server/src/modules/reports/reports.csv-route.ts). */
export type CsvReport = 'ageing' | 'statement' | 'distribution' | 'platform-revenue' | 'payouts';

/** Why a download failed: the API's code and its message (written for people), or a network failure. */
export class CsvDownloadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CsvDownloadError';
  }
}

/** The address of a report's CSV; empty parameters are left out, as the server reads them as absent anyway. */
export function csvReportUrl(report: CsvReport, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const search = query.toString();
  return `/reports/${report}.csv${search ? `?${search}` : ''}`;
}

/**
 * The file name a `Content-Disposition` header gives, or `fallback`. RFC 6266: `filename*=UTF-8''…` (percent-encoded)
 * wins over `filename="…"`, which may be quoted with backslash escapes or bare. Path parts are dropped, since a name
 * is no place for a folder.
 */
export function filenameFromContentDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  let name: string | null = null;
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      name = decodeURIComponent(extended[2].trim());
    } catch {
      name = null;
    }
  }
  if (!name) {
    const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
    const bare = /filename\s*=\s*([^";\s]+)/i.exec(header);
    name = quoted?.[1] !== undefined ? quoted[1].replace(/\\(.)/g, '$1') : (bare?.[1] ?? null);
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : fallback;
}

/** The API's error body, `{ errors: [{ message, extensions: { code } }] }`, as one error; anything else as HTTP_<status>. */
export function csvErrorFromBody(status: number, body: unknown): CsvDownloadError {
  const first =
    typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors)
      ? ((body as { errors: unknown[] }).errors[0] as
          { message?: unknown; extensions?: { code?: unknown } } | undefined)
      : undefined;
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : `HTTP_${status}`;
  const message = typeof first?.message === 'string' ? first.message : '';
  return new CsvDownloadError(code, message);
}

/**
 * Fetches a report's CSV with the session's bearer token and hands it to the browser as a download. A plain link
 * cannot carry the token, so the file goes through a blob.
 */
export async function downloadCsv(
  report: CsvReport,
  params: Record<string, string | null | undefined>,
): Promise<string> {
  const token = await freshAccessToken();
  if (!token) throw new CsvDownloadError('UNAUTHENTICATED', '');
  let response: Response;
  try {
    response = await fetch(csvReportUrl(report, params), {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/csv' },
    });
  } catch {
    throw new CsvDownloadError('NETWORK', '');
  }
  if (!response.ok) throw csvErrorFromBody(response.status, await response.json().catch(() => null));
  const filename = filenameFromContentDisposition(
    response.headers.get('Content-Disposition'),
    `${report}.csv`,
  );
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked on the next turn: some browsers start reading the blob only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return filename;
}
