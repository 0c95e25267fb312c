/**
 * The Worker's `waitUntil` for work that may run after the answer, when the request has an
 * execution context (workerd always gives one; `app.request` in Node only when passed one).
 */
import type { Context } from 'hono';
import type { Defer } from '../services/shipments';

/** @example await service.recordEvent(principal, id, event, { defer: deferOf(c) }) */
export function deferOf(c: Context): Defer | undefined {
  let ctx: { waitUntil(work: Promise<unknown>): void };
  try {
    ctx = c.executionCtx;
  } catch {
    // Hono throws when the request came with no execution context.
    return undefined;
  }
  return (work) => ctx.waitUntil(work());
}
