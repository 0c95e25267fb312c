import { createRoute } from '@hono/zod-openapi';
import { AnalyticsQuerySchema, AnalyticsReportSchema } from '../../schemas/analytics.schema';
import { withExamples } from '../../schemas/problem.examples';
import { problem } from '../../schemas/problem.schema';
import { describeRole, apiKeySecurity, apiKeyErrors } from '../api-key-contract';
import { jsonResponse } from '../router';
import { analyticsExample } from './analytics.examples';

export const claimAnalyticsRoute = createRoute({
  method: 'get',
  path: '/v1/analytics/claims',
  operationId: 'getClaimAnalytics',
  tags: ['analytics'],
  security: apiKeySecurity,
  summary: 'Claims counted by carrier, cause, type, week or month',
  description: describeRole(
    'both',
    'Counts and money (computed at filing, approved, paid, and given to customers as remedies) of the claims filed from `from` to `to` (UTC days), per group, with the totals and the systemic-fault flags. A shop key sees its own claims; a clerk key every shop’s, or one shop’s with `shopId`. Each claim counts on the day it was filed: its later approval, payment, remedy or cause change updates that day’s figures, so a range always shows the whole story of the claims filed in it. One rule for every figure: a claim adds its money exactly when it adds to `count`. Every claim that is not withdrawn counts, whatever its status (open, approved, rejected or paid), with what its customer accepted as remedies (`given`); a withdrawn (cancelled) claim counts for nothing, the remedies its customer accepted before the withdrawal included, so a group’s `given` never holds money of claims its `count` leaves out. Served from counters: the cost grows with the days in the range (at most 366), never with the number of claims. The counters are kept off the request path and may lag a change by seconds: `asOf` says when they were last brought up to date.',
  ),
  request: { query: AnalyticsQuerySchema },
  responses: {
    200: jsonResponse(AnalyticsReportSchema, 'The figures', analyticsExample),
    422: withExamples(
      problem(
        422,
        'A parameter breaks a rule (`to` before `from`, a range over 366 days, a shop key naming another shop): `errors` names it',
      ),
      'rangeTooLong',
    ),
    ...apiKeyErrors,
  },
});
