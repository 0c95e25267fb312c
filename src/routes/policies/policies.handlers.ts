import type { RouteHandler } from '@hono/zod-openapi';
import { listPolicies } from '../../domain/policies';
import type { HonoEnv } from '../../hono-env';
import { ProblemError } from '../../http/problem';
import type { getPolicyRoute, listPoliciesRoute } from './policies.routes';

export const listPoliciesHandler: RouteHandler<typeof listPoliciesRoute, HonoEnv> = (c) =>
  c.json({ items: [...listPolicies()] }, 200);

export const getPolicyHandler: RouteHandler<typeof getPolicyRoute, HonoEnv> = (c) => {
  const { id } = c.req.valid('param');
  const policy = listPolicies().find((p) => p.id === id);
  if (!policy) {
    const known = listPolicies()
      .map((p) => p.id)
      .join(', ');
    throw new ProblemError('notFound', `No policy '${id}'. Known: ${known}.`);
  }
  return c.json(policy, 200);
};
