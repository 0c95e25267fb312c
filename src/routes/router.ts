import { OpenAPIHono, type RouteConfig, type RouteHandler, type z } from '@hono/zod-openapi';
import type { Handler, MiddlewareHandler } from 'hono';
import type { HonoEnv } from '../hono-env';
import { validateRequest } from '../http/validate-request';
import { responseHeaders, type ResponseHeader } from '../schemas/headers.schema';

/**
 * A router whose routes are documented in its OpenAPI registry. Every
 * resource's `*.index.ts` starts from one and adds its routes with `route`.
 *
 * @example
 * export const weightRouter = createRouter();
 * route(weightRouter, weightRoute, weightHandler);
 */
export const createRouter = () => new OpenAPIHono<HonoEnv>();

/**
 * Adds one contract and its handler: the contract goes into the OpenAPI
 * document (unless it says `hide`), its own `middleware` runs next (a role
 * check answers 403 before the body is read), then the request is checked by
 * one synchronous validator (`validateRequest`) and the handler runs. It
 * stands in for `OpenAPIHono#openapi`, whose chain (a media-type gate, then
 * one async zod validator and hook per request part, each a middleware
 * layer) made every calculator request measurably slower.
 *
 * @example
 * route(compensationRouter, lateRoute, lateHandler);
 */
export function route<R extends RouteConfig>(
  router: OpenAPIHono<HonoEnv>,
  contract: R,
  handler: RouteHandler<R, HonoEnv>,
): void {
  const { middleware, hide, ...documented } = contract;
  if (!hide) router.openAPIRegistry.registerPath(documented);
  const path = contract.path.replaceAll(/\/{(.+?)}/g, '/:$1');
  const before: MiddlewareHandler<HonoEnv>[] = [middleware ?? []].flat();
  // The handler reads what `validateRequest` stored; its typed input is the contract's.
  router.on(
    contract.method.toUpperCase(),
    [path],
    ...before,
    validateRequest(contract.request),
    handler as Handler<HonoEnv>,
  );
}

/** A required JSON request body, documented with its example. */
export const jsonBody = <T extends z.ZodType>(schema: T, description: string) => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

/**
 * A JSON response, with an example computed from the real code when given,
 * and the headers it is sent with (`X-Request-Id` always).
 */
export const jsonResponse = <T extends z.ZodType>(
  schema: T,
  description: string,
  example?: unknown,
  headers: ResponseHeader[] = [],
) => ({
  description,
  headers: responseHeaders(...headers),
  content: { 'application/json': example === undefined ? { schema } : { schema, example } },
});
