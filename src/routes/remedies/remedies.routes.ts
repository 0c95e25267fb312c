import { createRoute, z } from '@hono/zod-openapi';
import { ClaimIdParamsSchema } from '../../schemas/claim.schema';
import { withExamples, withNamedExamples } from '../../schemas/problem.examples';
import { conflictProblem, problem } from '../../schemas/problem.schema';
import { RemedyListSchema, RemedyOfferSchema, RemedySchema } from '../../schemas/remedy.schema';
import {
  describeRole,
  jsonBodyErrors,
  apiKeySecurity,
  apiKeyErrors,
  noBodyErrors,
} from '../api-key-contract';
import { jsonBody, jsonResponse } from '../router';
import { offerExamples, remedyExamples } from './remedies.examples';

const tags = ['claims'];
const security = apiKeySecurity;
const notFound = problem(
  404,
  'No such claim (or not yours: another shop’s claim is not revealed), or no such remedy',
);
const cancelled = 'the claim was withdrawn (`claim-cancelled`): it takes no remedies';
const conflict = conflictProblem;

export const RemedyParamsSchema = ClaimIdParamsSchema.extend({
  remedyId: z
    .string()
    .regex(/^rm_[1-9]\d{0,5}$/, 'is not a remedy id (rm_ and a number)')
    .openapi({ param: { name: 'remedyId', in: 'path' }, example: 'rm_1' }),
});

export const offerRemedyRoute = createRoute({
  method: 'post',
  path: '/v1/claims/{id}/remedies',
  operationId: 'offerClaimRemedy',
  tags,
  security,
  summary: 'Offer the customer a remedy',
  description: describeRole(
    'both',
    'Records what the shop offers its customer to make amends: a refund, a voucher, a discount on the next order, free delivery, a gift, a replacement or a repair. The offer must stay within the shop’s `remedyLimits` (`PUT /v1/shop`): a discount above `maxDiscountPercent`, a gift or voucher above `maxGiftValue` is a 422 `remedy-over-limit` naming the limit (`errors[0].params.limit`, `.maximum`); until the shop has set its limits, a discount, gift or voucher is a 422 `remedy-limits-unset`. A refund, free delivery, a replacement and a repair are not capped. Not idempotent: a repeated call records a second offer (answer the one you meant, decline the other). Offers made at once never refuse each other: each gets a number of its own (`rm_<n>`, rising in the order they were made; a number whose offer failed to be written is skipped, never reused).',
  ),
  request: {
    params: ClaimIdParamsSchema,
    body: withNamedExamples(jsonBody(RemedyOfferSchema, 'The offer'), offerExamples),
  },
  responses: {
    201: jsonResponse(RemedySchema, 'Offered; `Location` names it', remedyExamples.offered, [
      'Location',
    ]),
    ...jsonBodyErrors,
    422: withExamples(
      problem(
        422,
        'A field is missing or breaks a rule (`validation-failed`, `invalid-input`, `currency-mismatch`: a value in another currency than the claim’s), or the offer is above the shop’s limits (`remedy-over-limit`) or the shop has set none (`remedy-limits-unset`); `errors` names the field',
      ),
      'overLimit',
    ),
    409: conflict(`The offer cannot be made: ${cancelled}`, 'claimCancelled'),
    ...apiKeyErrors,
    404: notFound,
  },
});

export const listRemediesRoute = createRoute({
  method: 'get',
  path: '/v1/claims/{id}/remedies',
  operationId: 'listClaimRemedies',
  tags,
  security,
  summary: 'The remedies offered to the customer, oldest first',
  description: describeRole(
    'both',
    '`GET /v1/claims/{id}` carries the same list in `customer.remedies`, with the money accepted (`customer.given`).',
  ),
  request: { params: ClaimIdParamsSchema },
  responses: {
    200: jsonResponse(RemedyListSchema, 'The remedies', remedyExamples.list),
    422: problem(422, 'Bad id'),
    ...apiKeyErrors,
    404: notFound,
  },
});

const answerRoute = (answer: 'accept' | 'decline', operationId: string, summary: string) =>
  createRoute({
    method: 'post',
    path: `/v1/claims/{id}/remedies/{remedyId}/${answer}`,
    operationId,
    tags,
    security,
    summary,
    description: describeRole(
      'both',
      'Records the customer’s answer to an offer. An offer is answered once: accepting or declining one already answered is a 409 `remedy-settled` (`currentStatus` says how it was answered). The answer is written only while the claim takes remedies, checked in the same write: an answer racing the claim’s withdrawal either lands before it or is a 409 `claim-cancelled`, never both. A rejected or paid claim still takes answers (the shop may make amends whatever the claim’s outcome). No body.',
    ),
    request: { params: RemedyParamsSchema },
    responses: {
      200: jsonResponse(
        RemedySchema,
        'The remedy with its answer',
        answer === 'accept'
          ? remedyExamples.accepted
          : { ...remedyExamples.accepted, status: 'declined' },
      ),
      409: withExamples(
        conflict(
          `The remedy was already answered (\`remedy-settled\`), or ${cancelled}`,
          'remedySettled',
          'claimCancelled',
        ),
        'remedySettled',
      ),
      422: problem(422, 'Bad claim or remedy id'),
      ...apiKeyErrors,
      ...noBodyErrors,
      404: notFound,
    },
  });

export const acceptRemedyRoute = answerRoute(
  'accept',
  'acceptClaimRemedy',
  'The customer accepted the remedy',
);
export const declineRemedyRoute = answerRoute(
  'decline',
  'declineClaimRemedy',
  'The customer declined the remedy',
);
