import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { HonoEnv } from '../hono-env';
import { refuseNonJsonBody } from './json-body';
import { problemResponse } from './problem';

/**
 * The API's two rules for every request body, in one middleware: at most
 * `maxBytes` (413), and JSON when there is one (415). A declared
 * `Content-Length` is judged from the header; a chunked body (no length) is
 * counted as it streams, by Hono's `bodyLimit`, and refused as soon as it
 * passes the limit.
 *
 * @example
 * app.use('/v1/*', guardBody(65536));
 */
export function guardBody(maxBytes: number): MiddlewareHandler<HonoEnv> {
  const tooLarge = (c: Context<HonoEnv>) =>
    problemResponse(c, 'bodyTooLarge', `The body is over ${maxBytes} bytes.`);
  const countStreamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async function guardBodyMiddleware(c, next) {
    const headers = c.req.raw.headers;
    const length = headers.get('content-length');
    if (c.req.raw.body !== null && (length === null || headers.has('transfer-encoding'))) {
      return countStreamed(c, async () => {
        const refused = refuseNonJsonBody(c);
        if (refused) c.res = refused;
        else await next();
      });
    }
    if (length !== null && parseInt(length, 10) > maxBytes) return tooLarge(c);
    return refuseNonJsonBody(c) ?? next();
  };
}
