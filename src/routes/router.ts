import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { HonoEnv } from '../hono-env';
import { validationHook } from '../http/validation-hook';

/**
 * A router whose validation failures become 422 problems. Every resource's
 * `*.index.ts` starts from one.
 *
 * @example
 * export const weightRouter = createRouter().openapi(weightRoute, weightHandler);
 */
export const createRouter = () => new OpenAPIHono<HonoEnv>({ defaultHook: validationHook });

/** A required JSON request body, documented with its example. */
export const jsonBody = <T extends z.ZodType>(schema: T, description: string) => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

/** A JSON response, with an example computed from the real code when given. */
export const jsonResponse = <T extends z.ZodType>(
  schema: T,
  description: string,
  example?: unknown,
) => ({
  description,
  content: { 'application/json': example === undefined ? { schema } : { schema, example } },
});
