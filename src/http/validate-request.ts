import type { RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';
import type { HonoEnv } from '../hono-env';
import { PARSE_OPTIONS } from './field-issues';
import { hasBody, isJsonType, unsupportedMediaType } from './json-body';
import { problemResponse } from './problem';
import { validationHook } from './validation-hook';

type Target = 'query' | 'param' | 'header' | 'json';

/** One part of the request, how to read it, and the schema it must satisfy. */
interface Check {
  target: Target;
  schema: ZodType;
  read: (c: Context<HonoEnv>) => unknown;
}

const isSchema = (value: unknown): value is ZodType =>
  typeof value === 'object' && value !== null && 'safeParse' in value;

/** A query parameter given once is a string, given more than once an array (as Hono's validator). */
const readQuery = (c: Context<HonoEnv>) => {
  const query: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(c.req.queries())) {
    query[name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return query;
};

/** Headers arrive lower-cased; the schema's own spelling of each name is restored. */
function headerReader(schema: ZodType) {
  const shape: unknown = 'shape' in schema ? schema.shape : undefined;
  const names = typeof shape === 'object' && shape !== null ? Object.keys(shape) : [];
  const spelling = new Map(names.map((name) => [name.toLowerCase(), name]));
  return (c: Context<HonoEnv>) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(c.req.header())) {
      headers[spelling.get(name) ?? name] = value;
    }
    return headers;
  };
}

/** Query, path parameters and headers first, the body last: the order the problems are found in. */
function checksFor(request: RouteConfig['request']): {
  checks: Check[];
  body?: { schema: ZodType; required: boolean };
} {
  const checks: Check[] = [];
  if (isSchema(request?.query))
    checks.push({ target: 'query', schema: request.query, read: readQuery });
  if (isSchema(request?.params)) {
    checks.push({ target: 'param', schema: request.params, read: (c) => c.req.param() });
  }
  if (isSchema(request?.headers)) {
    checks.push({ target: 'header', schema: request.headers, read: headerReader(request.headers) });
  }
  const media = request?.body?.content['application/json'];
  const schema = media && 'schema' in media ? media.schema : undefined;
  return isSchema(schema)
    ? { checks, body: { schema, required: request?.body?.required ?? false } }
    : { checks };
}

/**
 * The request's validation for one route, as one middleware: query, path
 * parameters, headers and the JSON body are each checked with the route's
 * zod schema (synchronously: our schemas have no async refinements) and
 * stored for `c.req.valid(target)`. A failure answers at once: a body that is
 * not JSON is 400 (`malformed-json`), a body that says it is something else
 * 415, and a value that breaks its schema 422 with a JSON Pointer (body) or a
 * name (query, path, header) for each offending field.
 *
 * An optional body (taking a claim into review) is validated when it is sent
 * and is `{}` when the request has neither a body nor a content type.
 *
 * @example
 * router.on('POST', '/v1/weight', validateRequest(weightRoute.request), handler);
 */
export function validateRequest(request: RouteConfig['request']): MiddlewareHandler<HonoEnv> {
  const { checks, body } = checksFor(request);
  return async function validateRequestMiddleware(c, next) {
    for (const { target, schema, read } of checks) {
      const result = schema.safeParse(read(c), PARSE_OPTIONS);
      if (!result.success) return validationHook({ ...result, target }, c);
      c.req.addValidatedData(target, result.data ?? {});
    }
    if (body) {
      const type = c.req.header('content-type');
      if (!type ? hasBody(c.req.raw.headers) : !isJsonType(type)) {
        return unsupportedMediaType(c, type);
      }
      let value: unknown = {};
      if (type) {
        try {
          value = await c.req.json();
        } catch {
          return problemResponse(c, 'malformedJson', 'Malformed JSON in request body');
        }
      } else if (!body.required) {
        c.req.addValidatedData('json', {});
        return next();
      }
      const result = body.schema.safeParse(value, PARSE_OPTIONS);
      if (!result.success) return validationHook({ ...result, target: 'json' }, c);
      c.req.addValidatedData('json', result.data ?? {});
    }
    return next();
  };
}
