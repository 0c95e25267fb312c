import { createRoute, type z } from '@hono/zod-openapi';
import { onlyRole } from '../../http/auth';
import {
  AddEvidenceSchema,
  ClaimIdParamsSchema,
  ClaimListQuerySchema,
  ClaimListSchema,
  ClaimSchema,
  DecisionSchema,
  FileClaimSchema,
  HistorySchema,
  IdempotencyHeaderSchema,
  IfMatchHeaderSchema,
  NoteSchema,
  PaymentSchema,
} from '../../schemas/claim.schema';
import { problem, rateLimitedResponse } from '../../schemas/problem.schema';
import { jsonBody, jsonResponse } from '../router';
import { claimExamples } from './claims.examples';

const tags = ['claims'];
const security = [{ apiKey: [] }];
const authErrors = {
  401: problem(401, 'No, unknown or revoked API key'),
  403: problem(403, 'The key’s role may not do this'),
  404: problem(404, 'No such claim (or not yours: another shop’s claim is not revealed)'),
  429: rateLimitedResponse('with this API key'),
  503: problem(
    503,
    'Claim storage unavailable; retry after `Retry-After` seconds. `storage-unavailable`: the request never reached storage (refused, no connection, throttled), nothing was written. `storage-outcome-unknown` (writes only): the write was sent and no answer came, so it may have been stored; retry a filing with the same `Idempotency-Key`, read a claim again before repeating a move',
  ),
  500: problem(500, 'Unexpected failure; quote `instance` to support'),
} as const;
const bodyErrors = {
  400: problem(400, 'The body is not valid JSON'),
  413: problem(413, 'The body is larger than the limit'),
  415: problem(415, 'The body is not application/json'),
  422: problem(422, 'A field is missing or breaks a rule; `errors` names each one'),
} as const;
const moveErrors = {
  409: problem(
    409,
    'The claim’s status does not allow this move (`currentStatus` says which it is), or it moved meanwhile',
  ),
  412: problem(412, 'If-Match is stale: the claim changed since you read it (`currentVersion`)'),
} as const;

/** Which key may call an operation, as its description says it. */
const ROLES = {
  shop: 'Who may call: a **shop** key (its own claims).',
  clerk: 'Who may call: a **clerk** key.',
  both: 'Who may call: a **shop** key (its own claims) or a **clerk** key (every shop’s).',
} as const;
const describe = (role: keyof typeof ROLES, text?: string) =>
  text ? `${ROLES[role]} ${text}` : ROLES[role];

const claimAnswer = (description: string, example: unknown) =>
  jsonResponse(ClaimSchema, description, example, ['ETag']);

export const fileClaimRoute = createRoute({
  method: 'post',
  path: '/v1/claims',
  operationId: 'fileClaim',
  tags,
  security,
  middleware: [onlyRole('shop')],
  summary: 'File a claim (shop key)',
  description: describe(
    'shop',
    'Computes the compensation with the same code as the calculators, checks the filing window, lists the missing evidence, and stores the claim with its first history event. Send `Idempotency-Key` to make retries safe (24 h): a retry gets the first answer back, with `Idempotent-Replayed: true`. A shop has one open claim per waybill and type: another filing for them (without a key, or with another key) is a 409 `claim-exists` naming the open claim (`existingClaimId`) until it is rejected, paid or cancelled.',
  ),
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(FileClaimSchema, 'The claim') },
  responses: {
    201: jsonResponse(
      ClaimSchema,
      'Filed (or replayed); `Location` names it',
      claimExamples.filed,
      ['Location', 'ETag', 'Idempotent-Replayed'],
    ),
    ...bodyErrors,
    409: problem(
      409,
      'The shop has an open claim of this type for the waybill (`existingClaimId`)',
    ),
    ...authErrors,
  },
});

export const listClaimsRoute = createRoute({
  method: 'get',
  path: '/v1/claims',
  operationId: 'listClaims',
  tags,
  security,
  summary: 'List claims, newest first',
  description: describe(
    'both',
    'A shop sees its own claims; a clerk sees all (optionally one shop’s). Cursor pagination. A listed claim carries how many evidence entries it has (`evidenceCount`); `GET /v1/claims/{id}` carries the entries.',
  ),
  request: { query: ClaimListQuerySchema },
  responses: {
    200: jsonResponse(
      ClaimListSchema,
      'A page of claims (each with `evidenceCount`, not its entries)',
      {
        items: [claimExamples.listed],
      },
    ),
    422: problem(422, 'A query parameter breaks a rule'),
    ...authErrors,
  },
});

export const getClaimRoute = createRoute({
  method: 'get',
  path: '/v1/claims/{id}',
  operationId: 'getClaim',
  tags,
  security,
  summary: 'One claim',
  description: describe('both'),
  request: { params: ClaimIdParamsSchema },
  responses: {
    200: claimAnswer('The claim', claimExamples.filed),
    422: problem(422, 'Bad id'),
    ...authErrors,
  },
});

export const historyRoute = createRoute({
  method: 'get',
  path: '/v1/claims/{id}/history',
  operationId: 'getClaimHistory',
  tags,
  security,
  summary: 'Every change of a claim, oldest first',
  description: describe('both'),
  request: { params: ClaimIdParamsSchema },
  responses: {
    200: jsonResponse(HistorySchema, 'The history', { items: claimExamples.history }),
    422: problem(422, 'Bad id'),
    ...authErrors,
  },
});

const move = <S extends z.ZodType>(
  name: string,
  operationId: string,
  role: 'shop' | 'clerk',
  summary: string,
  body: S,
  example: unknown,
) =>
  createRoute({
    method: 'post',
    path: `/v1/claims/{id}/${name}`,
    operationId,
    tags,
    security,
    middleware: [onlyRole(role)],
    summary,
    description: describe(
      role,
      'Send the ETag you read as `If-Match` so you never move a claim you have not seen.',
    ),
    request: {
      params: ClaimIdParamsSchema,
      headers: IfMatchHeaderSchema,
      // Taking into review and withdrawing need no body; the others do.
      body: { ...jsonBody(body, summary), required: name !== 'review' && name !== 'cancel' },
    },
    responses: {
      200: claimAnswer('The claim after the move', example),
      ...bodyErrors,
      ...moveErrors,
      ...authErrors,
    },
  });

export const reviewRoute = move(
  'review',
  'reviewClaim',
  'clerk',
  'Take into review (clerk key)',
  NoteSchema,
  claimExamples.inReview,
);
export const cancelRoute = move(
  'cancel',
  'cancelClaim',
  'shop',
  'Withdraw the claim (shop key)',
  NoteSchema,
  claimExamples.cancelled,
);
export const evidenceRoute = move(
  'evidence',
  'addClaimEvidence',
  'shop',
  'Add evidence (shop key)',
  AddEvidenceSchema,
  claimExamples.filed,
);
export const decisionRoute = move(
  'decision',
  'decideClaim',
  'clerk',
  'Decide (clerk key)',
  DecisionSchema,
  claimExamples.decided,
);
export const paymentRoute = move(
  'payment',
  'recordClaimPayment',
  'clerk',
  'Record the payout (clerk key)',
  PaymentSchema,
  claimExamples.paid,
);
