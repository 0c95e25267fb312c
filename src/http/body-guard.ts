import type { Context, MiddlewareHandler } from 'hono';
import type { HonoEnv } from '../hono-env';
import { refuseNonJsonBody } from './json-body';
import { problemResponse } from './problem';

/** How much of an oversized streamed body is read and dropped before answering 413. */
export const DRAIN_BYTES = 8 * 1024 * 1024;

/**
 * How much of a raw body (an evidence file, legitimately up to 10 MB) an
 * early answer drains: Cloudflare's own request-body limit (100 MB on most
 * plans), so no body that reaches a Worker is ever cut off mid-stream.
 */
export const RAW_DRAIN_BYTES = 100 * 1024 * 1024;

/**
 * The bytes of a streamed body, or `undefined` when it passes `maxBytes`. An
 * oversized body is read to its end and dropped (up to `drainBytes` more,
 * then cancelled): answering while the request stream is still unread left
 * the connection stuck under `wrangler dev`, so the next request on the
 * server hung for 15 s. A cancelled stream does the same, hence the drain.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  drainBytes: number,
): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      let dropped = 0;
      while (dropped <= drainBytes) {
        const next = await reader.read();
        if (next.done) return undefined;
        dropped += next.value.byteLength;
      }
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a body the answer will not use to its end and drops it (up to
 * `drainBytes`, then cancels), so answering early leaves the connection
 * usable (see `readCapped`).
 *
 * @example await drainBody(c.req.raw.body);
 */
export async function drainBody(
  body: ReadableStream<Uint8Array> | null,
  drainBytes = DRAIN_BYTES,
): Promise<void> {
  if (body && !body.locked) await readCapped(body, 0, drainBytes);
}

/**
 * The API's two rules for every request body, in one middleware: at most
 * `maxBytes` (413), and JSON when there is one (415). A declared
 * `Content-Length` is judged from the header (the body is never read); a
 * chunked body (no length) is counted as it streams, and one that passes the
 * limit is read to its end and dropped before the 413 (see `readCapped`).
 * A request `rawBody` says takes a body of its own (an evidence file) is left
 * to its route, which applies its own type and size rules; whatever of it the
 * answer did not read (a 401, a 404 before the bytes) is drained after it,
 * up to `rawDrainBytes`.
 *
 * @example
 * app.use('/v1/*', guardBody(65536));
 */
export function guardBody(
  maxBytes: number,
  drainBytes = DRAIN_BYTES,
  rawBody: (c: Context<HonoEnv>) => boolean = () => false,
  rawDrainBytes = RAW_DRAIN_BYTES,
): MiddlewareHandler<HonoEnv> {
  const tooLarge = (c: Context<HonoEnv>) =>
    problemResponse(c, 'bodyTooLarge', `The body is over ${maxBytes} bytes.`);
  return async function guardBodyMiddleware(c, next) {
    if (rawBody(c)) {
      await next();
      await drainBody(c.req.raw.body, rawDrainBytes);
      return;
    }
    const raw = c.req.raw;
    const length = raw.headers.get('content-length');
    if (raw.body !== null && (length === null || raw.headers.has('transfer-encoding'))) {
      const bytes = await readCapped(raw.body, maxBytes, drainBytes);
      if (bytes === undefined) return tooLarge(c);
      c.req.raw = new Request(raw, { body: bytes });
    } else if (length !== null && parseInt(length, 10) > maxBytes) {
      return tooLarge(c);
    }
    return refuseNonJsonBody(c) ?? next();
  };
}
