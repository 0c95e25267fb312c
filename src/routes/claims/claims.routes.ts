import { createRoute, z } from '@hono/zod-openapi';
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
import { problemResponseSpec as problem } from '../../schemas/problem.schema';
import { jsonBody, jsonResponse } from '../router';
import { claimExamples } from './claims.examples';

const tags = ['Claims'];
const security = [{ apiKey: [] }];
const authErrors = {
  401: problem('No, unknown or revoked API key'),
  403: problem('The key’s role may not do this'),
  404: problem('No such claim (or not yours: another shop’s claim is not revealed)'),
  503: problem('Claim storage unavailable; retry after `Retry-After` seconds'),
  500: problem('Unexpected failure; quote `instance` to support'),
} as const;
const bodyErrors = {
  400: problem('The body is not valid JSON'),
  413: problem('The body is larger than the limit'),
  415: problem('The body is not application/json'),
  422: problem('A field is missing or breaks a rule; `errors` names each one'),
} as const;
const moveErrors = {
  409: problem(
    'The claim’s status does not allow this move (`currentStatus` says which it is), or it moved meanwhile',
  ),
  412: problem('If-Match is stale: the claim changed since you read it'),
} as const;

const claimAnswer = (description: string, example: unknown) => ({
  ...jsonResponse(ClaimSchema, description, example),
  headers: z.object({ ETag: z.string().openapi({ example: '"2"' }) }),
});

export const fileClaimRoute = createRoute({
  method: 'post',
  path: '/v1/claims',
  operationId: 'fileClaim',
  tags,
  security,
  middleware: [onlyRole('shop')],
  summary: 'File a claim (shop key)',
  description:
    'Computes the compensation with the same code as the calculators, checks the filing window, lists the missing evidence, and stores the claim with its first history event. Send `Idempotency-Key` to make retries safe (24 h).',
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(FileClaimSchema, 'The claim') },
  responses: {
    201: {
      ...claimAnswer('Filed; `Location` names it', claimExamples.filed),
      headers: z.object({ Location: z.string(), ETag: z.string() }),
    },
    ...bodyErrors,
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
  description:
    'A shop sees its own claims; a clerk sees all (optionally one shop’s). Cursor pagination.',
  request: { query: ClaimListQuerySchema },
  responses: {
    200: jsonResponse(ClaimListSchema, 'A page of claims', { items: [claimExamples.filed] }),
    422: problem('A query parameter breaks a rule'),
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
  request: { params: ClaimIdParamsSchema },
  responses: {
    200: claimAnswer('The claim', claimExamples.filed),
    422: problem('Bad id'),
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
  request: { params: ClaimIdParamsSchema },
  responses: {
    200: jsonResponse(HistorySchema, 'The history', { items: claimExamples.history }),
    422: problem('Bad id'),
    ...authErrors,
  },
});

const move = <S extends z.ZodType>(
  name: string,
  operationId: string,
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
    summary,
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

export const reviewRoute = {
  ...move(
    'review',
    'reviewClaim',
    'Take into review (clerk key)',
    NoteSchema,
    claimExamples.inReview,
  ),
  middleware: [onlyRole('clerk')],
};
export const cancelRoute = {
  ...move(
    'cancel',
    'cancelClaim',
    'Withdraw the claim (shop key)',
    NoteSchema,
    claimExamples.cancelled,
  ),
  middleware: [onlyRole('shop')],
};
export const evidenceRoute = {
  ...move(
    'evidence',
    'addClaimEvidence',
    'Add evidence (shop key)',
    AddEvidenceSchema,
    claimExamples.filed,
  ),
  middleware: [onlyRole('shop')],
};
export const decisionRoute = {
  ...move('decision', 'decideClaim', 'Decide (clerk key)', DecisionSchema, claimExamples.decided),
  middleware: [onlyRole('clerk')],
};
export const paymentRoute = {
  ...move(
    'payment',
    'recordClaimPayment',
    'Record the payout (clerk key)',
    PaymentSchema,
    claimExamples.paid,
  ),
  middleware: [onlyRole('clerk')],
};
