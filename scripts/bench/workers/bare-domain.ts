/**
 * The plumbing baseline: each calculator route as a bare Hono route that
 * parses the JSON, calls the same domain function as our handler and answers
 * its result (lines included), with none of our middleware, validation or
 * error handling. Ours ÷ this measures what our plumbing costs.
 * The benchmark only sends valid requests.
 */
import { Hono } from 'hono';
import { getCalendar } from '../../../src/domain/calendar';
import {
  computeDamaged,
  computeLate,
  computeLost,
  type DamagedInput,
  type LateInput,
  type LostInput,
} from '../../../src/domain/compensation';
import { resolvePolicy } from '../../../src/domain/policies';
import { computeWeight, type WeightInput } from '../../../src/domain/weight';

export const bareDomain = new Hono()
  .post('/v1/weight', async (c) => {
    const input = await c.req.json<WeightInput>();
    return c.json(computeWeight(input, { policy: resolvePolicy(input.carrier) }));
  })
  .post('/v1/compensation/late', async (c) => {
    const input = await c.req.json<LateInput>();
    const ctx = {
      policy: resolvePolicy(input.carrier),
      calendar: getCalendar(input.calendar ?? 'RU'),
    };
    return c.json(computeLate(input, ctx));
  })
  .post('/v1/compensation/lost', async (c) => {
    const input = await c.req.json<LostInput>();
    return c.json(computeLost(input, { policy: resolvePolicy(input.carrier) }));
  })
  .post('/v1/compensation/damaged', async (c) => {
    const input = await c.req.json<DamagedInput>();
    return c.json(computeDamaged(input, { policy: resolvePolicy(input.carrier) }));
  });

export default bareDomain;
