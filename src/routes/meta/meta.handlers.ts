import type { RouteHandler } from '@hono/zod-openapi';
import { calendarCoverage, coverageWarnings } from '../../domain/calendar';
import type { HonoEnv } from '../../hono-env';
import { ProblemError } from '../../http/problem';
import { PROBLEMS, problemTypeUri, type ProblemKind } from '../../http/problem-types';
import { storageReadiness } from '../../services/readiness';
import {
  READY_TIMEOUT_MS,
  type healthRoute,
  type problemTypeRoute,
  type readyRoute,
} from './meta.routes';

export const SERVICE_VERSION = '0.1.0';

/** Per country, the last covered year; the table is static, so this is computed once. */
const calendarsLastYear = calendarCoverage().map(({ country, lastYear }) => ({
  country,
  lastYear,
}));

export const healthHandler: RouteHandler<typeof healthRoute, HonoEnv> = (c) => {
  const today = c.get('deps').clock().toISOString().slice(0, 10);
  return c.json(
    {
      status: 'ok' as const,
      service: 'parcel-claims-api',
      version: SERVICE_VERSION,
      calendars: calendarsLastYear,
      warnings: coverageWarnings(today, calendarsLastYear),
    },
    200,
  );
};

export const readyHandler: RouteHandler<typeof readyRoute, HonoEnv> = async (c) => {
  const down = await storageReadiness(c.get('deps').storage, READY_TIMEOUT_MS);
  if (down) {
    throw new ProblemError('storageUnavailable', `DynamoDB is not ready (${down.reason}).`, {
      headers: { 'retry-after': String(down.retryAfterSeconds), 'cache-control': 'no-store' },
    });
  }
  c.header('cache-control', 'no-store');
  return c.json({ status: 'ready' as const, storage: 'ok' as const }, 200);
};

export const problemTypeHandler: RouteHandler<typeof problemTypeRoute, HonoEnv> = (c) => {
  const { slug } = c.req.valid('param');
  const kind = (Object.keys(PROBLEMS) as ProblemKind[]).find((k) => PROBLEMS[k].slug === slug);
  if (!kind) throw new ProblemError('notFound', `No problem type '${slug}'.`);
  const { title, status } = PROBLEMS[kind];
  return c.json({ type: problemTypeUri(kind), title, status }, 200);
};
