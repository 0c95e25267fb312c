/**
 * The baseline of the calculator benchmarks: a bare Hono app that parses the
 * request's JSON and answers a small constant. Imported by the in-process
 * bench and bundled on its own for the workerd bench.
 */
import { Hono } from 'hono';

export const bareConstant = new Hono().post('*', async (c) => {
  await c.req.json();
  return c.json({ ok: true });
});

export default bareConstant;
