import type { RouteHandler } from '@hono/zod-openapi';
import type { HonoEnv } from '../../hono-env';
import type { causeRoute } from './cause.routes';
import { moveAnswer } from './claims.handlers';

/** The cause change as a move: If-Match → expected version, the claim with its ETag. */
export const causeHandler: RouteHandler<typeof causeRoute, HonoEnv> = async (c) => {
  const command = { type: 'changeCause', ...c.req.valid('json') } as const;
  const { claim, headers } = await moveAnswer(c, c.req.valid('param').id, command);
  return c.json(claim, 200, headers);
};
