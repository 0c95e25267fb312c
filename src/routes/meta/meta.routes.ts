import { createRoute, z } from '@hono/zod-openapi';
import {
  CALENDAR_COUNTRIES,
  calendarCoverage,
  COVERAGE_WARNING_DAYS,
  type CoverageWarning,
} from '../../domain/calendar';
import { IsoDateSchema } from '../../schemas/common.schema';
import { withExamples } from '../../schemas/problem.examples';
import { problem, readErrorResponses, typeUris } from '../../schemas/problem.schema';
import { jsonResponse } from '../router';

const CoverageWarningSchema = z
  .object({
    code: z.literal('calendar-coverage-ending'),
    country: z.enum(CALENDAR_COUNTRIES),
    lastYear: z.number().int(),
    coveredUntil: IsoDateSchema,
    daysLeft: z.number().int().openapi({
      description: 'Days from today to `coveredUntil`; negative once it has passed.',
    }),
    message: z.string(),
  })
  .openapi('CoverageWarning') satisfies z.ZodType<CoverageWarning>;

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    service: z.string(),
    version: z.string(),
    calendars: z
      .array(z.object({ country: z.enum(CALENDAR_COUNTRIES), lastYear: z.number().int() }))
      .openapi({ description: 'The last year each country’s business calendar covers.' }),
    warnings: z.array(CoverageWarningSchema).openapi({
      description: `A country whose calendar ends within ${COVERAGE_WARNING_DAYS} days of today (or has ended): its next year must be taken in.`,
    }),
  })
  .openapi('Health');

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['meta'],
  security: [],
  summary: 'Liveness, and how long the business calendars last',
  description: `Cheap (no database call). \`calendars\` gives the last covered year per country; \`warnings\` lists a country whose calendar ends within ${COVERAGE_WARNING_DAYS} days of today.`,
  responses: {
    200: jsonResponse(HealthSchema, 'The service is up', {
      status: 'ok',
      service: 'parcel-claims-api',
      version: '0.1.0',
      calendars: calendarCoverage().map(({ country, lastYear }) => ({ country, lastYear })),
      warnings: [],
    }),
  },
});

export const READY_TIMEOUT_MS = 2000;

export const ReadySchema = z
  .object({
    status: z.literal('ready'),
    storage: z.literal('ok').openapi({ description: 'DynamoDB answered a read.' }),
  })
  .openapi('Ready');

export const readyRoute = createRoute({
  method: 'get',
  path: '/ready',
  operationId: 'getReady',
  tags: ['meta'],
  security: [],
  summary: 'Readiness: can the service reach its database?',
  description: `One cheap read of DynamoDB (a key that does not exist), given ${READY_TIMEOUT_MS} ms. A 503 while the database is down, slow or missing its table; \`/health\` stays up meanwhile (it makes no database call). Sent with \`Cache-Control: no-store\`.`,
  responses: {
    200: jsonResponse(ReadySchema, 'DynamoDB answered', { status: 'ready', storage: 'ok' }),
    503: withExamples(
      problem(503, 'DynamoDB did not answer in time; retry after `Retry-After` seconds'),
      'notReady',
    ),
  },
});

const ProblemTypeSchema = z
  .object({ type: z.enum(typeUris()), title: z.string(), status: z.number().int() })
  .openapi('ProblemType');

export const problemTypeRoute = createRoute({
  method: 'get',
  path: '/problems/{slug}',
  operationId: 'getProblemType',
  tags: ['meta'],
  security: [],
  summary: 'What a problem `type` means',
  description: 'Every problem `type` URI this API sends resolves here.',
  request: {
    params: z.object({
      slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'not-found' }),
    }),
  },
  responses: {
    200: jsonResponse(ProblemTypeSchema, 'The problem type', {
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
    }),
    404: readErrorResponses[404],
  },
});
