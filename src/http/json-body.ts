import type { Context } from 'hono';
import type { HonoEnv } from '../hono-env';
import { problemResponse } from './problem';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** `application/json` or a `+json` type, with or without parameters. */
export const isJsonType = (contentType: string): boolean => JSON_TYPE.test(contentType);

/** A request carries a body when it declares a non-zero length or is chunked. */
export function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  return (length !== null && length !== '0') || headers.has('transfer-encoding');
}

/** The 415 problem for a body that is not JSON. */
export const unsupportedMediaType = (c: Context<HonoEnv>, type: string | undefined): Response =>
  problemResponse(
    c,
    'unsupportedMediaType',
    `Send the body as application/json (got '${type ?? 'no content-type'}').`,
  );

/**
 * A request that carries a body must say it is JSON; otherwise 415, rather
 * than the validator silently reading nothing. Bodiless POSTs (e.g. taking a
 * claim into review) pass. `undefined` means the request may go on.
 *
 * @example
 * const refused = refuseNonJsonBody(c); if (refused) return refused;
 */
export function refuseNonJsonBody(c: Context<HonoEnv>): Response | undefined {
  const method = c.req.method;
  if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH') return undefined;
  const type = c.req.header('content-type');
  if (!type ? !hasBody(c.req.raw.headers) : isJsonType(type)) return undefined;
  return unsupportedMediaType(c, type);
}
