import type { MiddlewareHandler } from 'hono';
import type { AppDeps, HonoEnv } from '../hono-env';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The paths `app.use('/v1/*', …)` would match. */
const API_PATH = /^\/v1(?:\/|$)/;

/** One access-log line. Deliberately only these fields: no headers, no body, no query. */
export interface AccessLogLine {
  requestId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
}

/**
 * Everything every request needs, in one middleware (one layer is measurably
 * cheaper than five): a request id (the caller's `X-Request-Id` when it is a
 * UUID) echoed in the response and used as the problem `instance`; the
 * injected dependencies; `nosniff`; and one access-log line with the matched
 * route pattern (`/v1/claims/:id`), never the raw URL, headers or body, so
 * API keys, claimant e-mails and phones cannot reach the logs.
 *
 * The two headers are set on the finished response, problem responses
 * included (Hono hands this middleware the error handler's answer too).
 * Setting them before `next()` would make every response copy a Headers
 * object built for it, measurably slower.
 *
 * `apiGuard`, when given, runs inside this same layer for every `/v1`
 * request, as `app.use('/v1/*', apiGuard)` would run it (its answer, when it
 * refuses, is the response) but without a middleware layer of its own: each
 * layer costs every calculator request a few microseconds (BENCHMARKS.md).
 *
 * @example
 * app.use(requestContext(deps, (line) => console.log(JSON.stringify(line)), guardBody(65536)));
 */
export function requestContext(
  deps: AppDeps,
  log: (line: AccessLogLine) => void,
  apiGuard?: MiddlewareHandler<HonoEnv>,
): MiddlewareHandler<HonoEnv> {
  return async function requestContextMiddleware(c, next) {
    const started = Date.now();
    const incoming = c.req.header('x-request-id');
    const requestId =
      incoming && UUID.test(incoming) ? incoming.toLowerCase() : crypto.randomUUID();
    c.set('requestId', requestId);
    c.set('deps', deps);
    if (apiGuard && API_PATH.test(c.req.path)) {
      const refused = await apiGuard(c, next);
      // As Hono's compose treats a middleware's answer.
      if (refused && !c.finalized) c.res = refused;
    } else {
      await next();
    }
    const headers = c.res.headers;
    headers.set('x-request-id', requestId);
    headers.set('x-content-type-options', 'nosniff');
    log({
      requestId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      durationMs: Date.now() - started,
    });
  };
}
