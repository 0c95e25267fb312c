import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, HonoEnv } from './hono-env';
import { requestContext, type AccessLogLine } from './http/request-context';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { guardBody } from './http/body-guard';
import { mapClaimErrors } from './http/storage-errors';
import { claimsRouter } from './routes/claims/claims.index';
import { deskRouter } from './routes/desk/desk.index';
import { calendarsRouter } from './routes/calendars/calendars.index';
import { compensationRouter } from './routes/compensation/compensation.index';
import { metaRouter } from './routes/meta/meta.index';
import { SERVICE_VERSION } from './routes/meta/meta.handlers';
import { policiesRouter } from './routes/policies/policies.index';
import { weightRouter } from './routes/weight/weight.index';

export interface CreateAppOptions {
  /** Where access-log lines go; default one JSON line on stdout. */
  log?: (line: AccessLogLine) => void;
}

/**
 * Builds the whole API around its dependencies. The Worker entry and the
 * tests both call this, so tests exercise exactly what ships.
 *
 * @example
 * const app = createApp({ clock: () => new Date(), maxBodyBytes: 65536, storage, newId });
 * const res = await app.request('/health');
 */
export function createApp(deps: AppDeps, options: CreateAppOptions = {}) {
  const app = new OpenAPIHono<HonoEnv>();
  const log = options.log ?? ((line: AccessLogLine) => console.log(JSON.stringify(line)));

  // The body rules of every /v1 request run inside the request-context layer (one layer less).
  app.use(requestContext(deps, log, guardBody(deps.maxBodyBytes)));

  app.route('/', metaRouter);
  app.route('/', weightRouter);
  app.route('/', compensationRouter);
  app.route('/', calendarsRouter);
  app.route('/', policiesRouter);
  app.route('/', claimsRouter);
  app.route('/', deskRouter);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Parcel Claims API',
      version: SERVICE_VERSION,
      description:
        'What a carrier owes a shop when a parcel is late, lost or damaged, with every number explained. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/' }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key: `Authorization: Bearer pca_…`. Shop keys file and follow their own claims; clerk keys review and decide.',
  });

  app.notFound(notFoundHandler);
  app.onError(errorHandler([mapClaimErrors]));
  return app;
}

export type App = ReturnType<typeof createApp>;
