/**
 * `route()` validates with one synchronous middleware (`validateRequest`)
 * instead of `OpenAPIHono#openapi`, for speed. This runs the same requests
 * through both, on the real contracts and handlers, each behind the app's own
 * request context and error handler, with `validationHook` as zod-openapi's
 * `defaultHook`, and compares the answers: status and body.
 *
 * zod-openapi parses with no options; ours parses with PARSE_OPTIONS (our
 * messages, and each issue's input so that a missing field is `required`).
 * zod's global config gives it the same messages; the input it cannot be
 * told to keep, so a missing field is compared on status, type and pointer.
 */
import { OpenAPIHono, z, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { AppDeps, HonoEnv } from '../../src/hono-env';
import { guardBody } from '../../src/http/body-guard';
import { errorHandler } from '../../src/http/error-handler';
import { requestContext } from '../../src/http/request-context';
import { zodMessage } from '../../src/http/field-issues';
import { validationHook } from '../../src/http/validation-hook';
import * as calendars from '../../src/routes/calendars/calendars.handlers';
import { calendarYearRoute } from '../../src/routes/calendars/calendars.routes';
import * as compensation from '../../src/routes/compensation/compensation.handlers';
import {
  damagedRoute,
  lateRoute,
  lostRoute,
} from '../../src/routes/compensation/compensation.routes';
import { route } from '../../src/routes/router';
import { weightHandler } from '../../src/routes/weight/weight.handlers';
import { weightRoute } from '../../src/routes/weight/weight.routes';
import { requestExamples } from '../../src/schemas/examples';
import type { Storage } from '../../src/storage/repository';

z.config({ customError: zodMessage });

/** The calculators never touch storage: any use of it fails the test. */
const noStorage = new Proxy({} as Storage, {
  get: (_, name) => {
    throw new Error(`the calculators used storage.${String(name)}`);
  },
});
const deps: AppDeps = {
  clock: () => new Date('2025-06-16T09:00:00.000Z'),
  maxBodyBytes: 65_536,
  storage: noStorage,
  newId: () => 'clm_0',
};

type Mount = <R extends RouteConfig>(
  app: OpenAPIHono<HonoEnv>,
  contract: R,
  handler: RouteHandler<R, HonoEnv>,
) => void;

function appWith(mount: Mount) {
  const app = new OpenAPIHono<HonoEnv>({ defaultHook: (result, c) => validationHook(result, c) });
  app.use(requestContext(deps, () => {}, guardBody(deps.maxBodyBytes)));
  mount(app, weightRoute, weightHandler);
  mount(app, lateRoute, compensation.lateHandler);
  mount(app, lostRoute, compensation.lostHandler);
  mount(app, damagedRoute, compensation.damagedHandler);
  mount(app, calendarYearRoute, calendars.calendarYearHandler);
  app.onError(errorHandler());
  return app;
}

const ours = appWith(route);
const theirs = appWith((app, contract, handler) => {
  app.openapi(contract, handler);
});

const requestId = '00000000-0000-4000-8000-000000000001';
const json = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body));
const post = (path: string, body: unknown, type = 'application/json') =>
  ({
    path,
    init: { method: 'POST', headers: { 'content-type': type }, body: json(body) },
  }) as const;
const get = (path: string) => ({ path, init: { method: 'GET', headers: {} } }) as const;

const cases = {
  'a valid weight request': post('/v1/weight', requestExamples.weight),
  'a valid late request': post('/v1/compensation/late', requestExamples.late),
  'a valid lost request': post('/v1/compensation/lost', requestExamples.lost),
  'a valid damaged request': post('/v1/compensation/damaged', requestExamples.damaged),
  'an unknown carrier': post('/v1/weight', { ...requestExamples.weight, carrier: 'nope' }),
  'a number where a decimal string belongs': post('/v1/compensation/lost', {
    ...requestExamples.lost,
    deliveryCost: { amount: 450, currency: 'RUB' },
  }),
  'a comma decimal': post('/v1/compensation/lost', {
    ...requestExamples.lost,
    deliveryCost: { amount: '450,00', currency: 'RUB' },
  }),
  'an unknown key': post('/v1/compensation/lost', { ...requestExamples.lost, extra: 1 }),
  'an empty packages list': post('/v1/weight', { ...requestExamples.weight, packages: [] }),
  'a body that is not an object': post('/v1/weight', [1, 2]),
  'malformed JSON': post('/v1/weight', '{"carrier":'),
  'a body that is not JSON': post('/v1/weight', 'carrier=cdek', 'text/plain'),
  'a valid calendar year': get('/v1/calendars/RU/2025'),
  'a bad country in the path': get('/v1/calendars/ru1/2025'),
  'a year out of range in the path': get('/v1/calendars/RU/1800'),
};

async function answer(app: OpenAPIHono<HonoEnv>, request: (typeof cases)[keyof typeof cases]) {
  const init = { ...request.init, headers: { ...request.init.headers, 'x-request-id': requestId } };
  const res = await app.request(request.path, init);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

describe('route() answers as OpenAPIHono#openapi would', () => {
  it('a missing field: the same status, type and pointer (ours says "is required")', async () => {
    const { deliveryCost: _, ...body } = requestExamples.lost;
    const [mine, zods] = [
      await answer(ours, post('/v1/compensation/lost', body)),
      await answer(theirs, post('/v1/compensation/lost', body)),
    ];
    const summary = (a: typeof mine) => {
      const problem = JSON.parse(a.body) as { type: string; errors: { pointer: string }[] };
      return {
        status: a.status,
        type: problem.type,
        pointers: problem.errors.map((e) => e.pointer),
      };
    };
    expect(summary(mine)).toEqual(summary(zods));
    expect(summary(mine)).toEqual({
      status: 422,
      type: '/problems/validation-failed',
      pointers: ['/deliveryCost'],
    });
    expect(mine.body).toContain('is required');
  });

  it.each(Object.entries(cases))('%s', async (_, request) => {
    const mine = await answer(ours, request);
    expect(mine).toEqual(await answer(theirs, request));
    expect(mine.status).not.toBe(500);
  });
});
