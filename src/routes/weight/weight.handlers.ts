import type { RouteHandler } from '@hono/zod-openapi';
import { resolvePolicy } from '../../domain/policies';
import { computeWeight } from '../../domain/weight';
import type { HonoEnv } from '../../hono-env';
import type { weightRoute } from './weight.routes';

export const weightHandler: RouteHandler<typeof weightRoute, HonoEnv> = (c) => {
  const input = c.req.valid('json');
  return c.json(computeWeight(input, { policy: resolvePolicy(input.carrier) }), 200);
};
