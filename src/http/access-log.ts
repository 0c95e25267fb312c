import type { MiddlewareHandler } from 'hono';
import type { HonoEnv } from '../hono-env';

/** One access-log line. Deliberately only these fields: no headers, no body, no query. */
export interface AccessLogLine {
  requestId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
}

/**
 * Writes one JSON line per request. It logs the matched route pattern
 * (`/v1/claims/:id`), never the raw URL, headers or body, so API keys,
 * claimant e-mails and phones cannot end up in logs.
 *
 * @example
 * app.use(accessLog((line) => console.log(JSON.stringify(line))));
 */
export function accessLog(write: (line: AccessLogLine) => void): MiddlewareHandler<HonoEnv> {
  return async function accessLogMiddleware(c, next) {
    const started = Date.now();
    await next();
    write({
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      durationMs: Date.now() - started,
    });
  };
}
