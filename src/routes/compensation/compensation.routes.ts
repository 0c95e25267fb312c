import { createRoute } from '@hono/zod-openapi';
import {
  DamagedRequestSchema,
  LateRequestSchema,
  LateResultSchema,
  LossResultSchema,
  LostRequestSchema,
} from '../../schemas/compensation.schema';
import { withExamples } from '../../schemas/problem.examples';
import { bodyErrorResponses } from '../../schemas/problem.schema';
import { examples } from '../examples';
import { jsonBody, jsonResponse } from '../router';

const tags = ['calculators'];
const security: [] = [];

export const lateRoute = createRoute({
  method: 'post',
  path: '/v1/compensation/late',
  operationId: 'computeLateCompensation',
  tags,
  security,
  summary: 'Compensation for a late delivery',
  description:
    'Counts the days late on the official business-day calendar (after the promised date, up to and including delivery), applies the policy rate per day and its cap. The policy’s `late.dayBasis` says which days count: business days for cdek, calendar days for russian-post and road-freight. A year without calendar data is a 422 `calendar-year-unknown`, never a guess. Give `promisedDate`, or `shippedDate` with `transitBusinessDays`; `deliveredDate`, or `asOf` while undelivered. A `shippedDate` beside `promisedDate` is checked, not counted from: a promised or delivery date before it is a 422 `date_order` naming the field. No day late answers 0, with its lines. `lateDates` lists at most the first 100 counted days (`lateDatesTruncated`). A count in a year whose calendar is still preliminary (`GET /v1/calendars`) carries a `calendar.preliminary` line.',
  request: { body: jsonBody(LateRequestSchema, 'Delivery cost and dates') },
  responses: {
    200: jsonResponse(LateResultSchema, 'The amount and the lines that explain it', examples.late),
    ...bodyErrorResponses,
    422: withExamples(bodyErrorResponses[422], 'dateOrder'),
    429: withExamples(bodyErrorResponses[429], 'rateLimitedAddress'),
  },
});

export const lostRoute = createRoute({
  method: 'post',
  path: '/v1/compensation/lost',
  operationId: 'computeLostCompensation',
  tags,
  security,
  summary: 'Compensation for a lost parcel',
  description:
    'Insured: the delivery cost (when paid) plus the documented value up to the declared value. Uninsured: the policy’s rule (cdek: a flat 3000 RUB in total). A part that waits for evidence is listed with `payable: false` and named in `missingEvidence`.',
  request: { body: jsonBody(LostRequestSchema, 'Delivery cost and insurance') },
  responses: {
    200: jsonResponse(LossResultSchema, 'The amount, its components and lines', examples.lost),
    ...bodyErrorResponses,
    429: withExamples(bodyErrorResponses[429], 'rateLimitedAddress'),
  },
});

export const damagedRoute = createRoute({
  method: 'post',
  path: '/v1/compensation/damaged',
  operationId: 'computeDamagedCompensation',
  tags,
  security,
  summary: 'Compensation for a damaged parcel',
  description:
    'Insured: the documented damage up to the declared value. Uninsured: the policy’s rule (cdek: documented damage up to 3000 RUB).',
  request: { body: jsonBody(DamagedRequestSchema, 'Delivery cost, insurance, documented damage') },
  responses: {
    200: jsonResponse(LossResultSchema, 'The amount, its components and lines', examples.damaged),
    ...bodyErrorResponses,
    429: withExamples(bodyErrorResponses[429], 'rateLimitedAddress'),
  },
});
