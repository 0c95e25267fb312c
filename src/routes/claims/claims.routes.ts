import { createRoute, z } from '@hono/zod-openapi';
import { onlyRole } from '../../http/auth';
import { staleClaim } from './claim-write-errors';
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
import {
  CustomerMessageSchema,
  CustomerMessageListSchema,
  MessageLanguageQuerySchema,
  messageIdParam,
} from '../../schemas/message.schema';
import { withExamples, type ProblemExampleName } from '../../schemas/problem.examples';
import { conflictProblem, problem } from '../../schemas/problem.schema';
import {
  describeRole,
  jsonBodyErrors,
  apiKeySecurity,
  apiKeyErrors,
  noBodyErrors,
} from '../api-key-contract';
import { jsonBody, jsonResponse } from '../router';
import { claimExamples } from './claims.examples';

const tags = ['claims'];
const security = apiKeySecurity;
const authErrors = {
  ...apiKeyErrors,
  401: withExamples(apiKeyErrors[401], 'unauthorized'),
  404: problem(404, 'No such claim (or not yours: another shop’s claim is not revealed)'),
  503: problem(
    503,
    'Claim storage unavailable; retry after `Retry-After` seconds. `storage-unavailable`: the request never reached storage (refused, no connection), nothing was written. `storage-busy`: storage refused the work for now (throttled, or the write kept colliding with other writes on the same records: never answered as a 409 or 412 that blames another writer), nothing was written. `storage-outcome-unknown` (writes only): the write was sent and no answer came, so it may have been stored; retry a filing with the same `Idempotency-Key`, read a claim again before repeating a move',
  ),
} as const;
const bodyErrors = jsonBodyErrors;
const moveErrors = {
  409: withExamples(
    conflictProblem(
      'The claim’s status does not allow this move (`invalid-transition`: `currentStatus` says which it is), or, sent without `If-Match`, another move landed first (`conflict`)',
      'invalidTransition',
      'conflict',
    ),
    'invalidTransition',
  ),
  412: staleClaim,
} as const;
const describe = describeRole;

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
    'Computes the compensation with the same code as the calculators, checks the filing window, lists the missing evidence, and stores the claim with its first history event. Send `Idempotency-Key` to make retries safe (24 h): a retry gets the first answer back, with `Idempotent-Replayed: true`. A shop has one open claim per waybill and type: another filing for them (without a key, or with another key) is a 409 `claim-exists` naming the open claim (`existingClaimId`) until it is rejected, paid or cancelled.\n\nThe body: `type` (late, lost, damaged), `carrier`, `waybill`, `orderId?`, `shippedDate` (it starts the filing window), `shipment` (the matching calculator’s input), `claimant`, `description`, `evidence`. The claim keeps `compensation` as the calculator answered at filing, with its own `missingEvidence` (the documents the amount waits for; adding evidence does not recompute it); the claim’s `missingEvidence` is what it still lacks: the policy’s checklist for its type plus what the amount waits for, minus the evidence given. `filingDeadline` is the policy’s window after shipping (cdek: 6 months; later is a 422 `filing-deadline-passed`), `answerDueBy` the carrier’s answer date (30 days), `acknowledgeBy` the filing instant plus the policy’s `customerCare.acknowledgeWithinMinutes`. A late claim whose parcel was not late (no day the policy counts) is a 422 `not-late`; the calculator still answers the same dates with 0. An `Idempotency-Key` lives 24 h per shop; the same key with another body is a 422; its record is written in the same transaction as the claim, so one key never files two claims.',
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
    422: withExamples(bodyErrors[422], 'notLate'),
    409: withExamples(
      conflictProblem(
        'The shop has an open claim of this type for the waybill (`claim-exists`: `existingClaimId` names it). `conflict`: the new claim’s id was taken meanwhile; nothing was filed, send it again',
        'claimExists',
        'conflict',
      ),
      'claimExists',
    ),
    ...authErrors,
    503: withExamples(authErrors[503], 'outcomeUnknown'),
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
    'A shop sees its own claims; a clerk sees all (optionally one shop’s). Cursor pagination. A listed claim carries how many evidence entries it has (`evidenceCount`); `GET /v1/claims/{id}` carries the entries. Served by indexes, never a scan: a shop’s listing (and a clerk’s with `shopId`) reads only partitions of that shop, a search (`q`) the search indexes with the shop as a filter. A search, or `unacknowledged=true`, applies the other filters on top, so a page may hold fewer than `limit` claims and still have a `nextCursor`.',
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
    422: withExamples(
      problem(422, 'A query parameter breaks a rule'),
      'unacknowledgedNotBoolean',
      'searchFieldUnknown',
      'cursorNotYours',
    ),
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
  description: describe(
    'both',
    'The claim with all its evidence entries (`ev_1`, `ev_2`, …), its customer side (`customer`: the remedies offered and the money accepted) and its version as `ETag`, to send back as `If-Match` on a move.',
  ),
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
  description: describe(
    'both',
    'Who changed what and when (`actor`, `at`, from → to, the note), each event written in the same transaction as the change it records.',
  ),
  request: { params: ClaimIdParamsSchema },
  responses: {
    200: jsonResponse(HistorySchema, 'The history', { items: claimExamples.history }),
    422: problem(422, 'Bad id'),
    ...authErrors,
  },
});

/** What every move says about `If-Match` and refusals. */
const MOVE_RULES =
  'Send the ETag you read as `If-Match` so you never move a claim you have not seen. It is compared as RFC 9110 says: `"3"` or a list (`"2", "3"`) moves only a claim at one of those versions, `*` any; a stale tag, a weak one (`W/"3"`) or one that is not ours is a 412 with `currentVersion`; a header that is not entity-tag syntax, or a version beyond 2^53 − 1, is a 422 quoting it. A move the status does not allow is a 409 with `currentStatus`. A move that settles the claim (rejected, paid, cancelled) frees its waybill for a new claim of its type.';

const move = <S extends z.ZodType>(
  name: string,
  operationId: string,
  role: 'shop' | 'clerk',
  summary: string,
  body: S,
  example: unknown,
  details: string,
  ...invalid: ProblemExampleName[]
) =>
  createRoute({
    method: 'post',
    path: `/v1/claims/{id}/${name}`,
    operationId,
    tags,
    security,
    middleware: [onlyRole(role)],
    summary,
    description: describe(role, `${details} ${MOVE_RULES}`),
    request: {
      params: ClaimIdParamsSchema,
      headers: IfMatchHeaderSchema,
      // Taking into review and withdrawing need no body; the others do.
      body: { ...jsonBody(body, summary), required: name !== 'review' && name !== 'cancel' },
    },
    responses: {
      200: claimAnswer('The claim after the move', example),
      ...bodyErrors,
      422: withExamples(bodyErrors[422], 'ifMatchSyntax', ...invalid),
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
  'No body, or `{"note"}`: submitted or needs_info → in_review.',
);
export const cancelRoute = move(
  'cancel',
  'cancelClaim',
  'shop',
  'Withdraw the claim (shop key)',
  NoteSchema,
  claimExamples.cancelled,
  'No body, or `{"note"}`: submitted or needs_info → cancelled.',
);
export const evidenceRoute = move(
  'evidence',
  'addClaimEvidence',
  'shop',
  'Add evidence (shop key)',
  AddEvidenceSchema,
  claimExamples.filed,
  '`{"evidence": [{kind, name, url?}]}` (1–20 entries) re-checks the checklist (`missingEvidence`); needs_info → in_review once the shop answers. A claim takes at most 200 entries (filed with, plus every addition): an addition that would pass it is a 422 `evidence-limit` at `/evidence` (`params`: `maximum`, `current`, `adding`), and nothing is written.',
);
export const decisionRoute = move(
  'decision',
  'decideClaim',
  'clerk',
  'Decide (clerk key)',
  DecisionSchema,
  claimExamples.decided,
  'in_review → approved, partially_approved, rejected or needs_info. A partial approval needs `approvedAmount` and a `reason`; approving more than the computed amount needs `overrideReason`.',
  'partialWithoutAmount',
);
export const paymentRoute = move(
  'payment',
  'recordClaimPayment',
  'clerk',
  'Record the payout (clerk key)',
  PaymentSchema,
  claimExamples.paid,
  'approved or partially_approved → paid. The amount is at most the approved amount; `paidOn` is from the UTC date 24 h before the filing to tomorrow (UTC), else a 422 naming it. A second payment is a 409 (`paid` is final).',
);

export const messagesRoute = createRoute({
  method: 'get',
  path: '/v1/claims/{id}/messages',
  operationId: 'getClaimMessages',
  tags,
  security,
  summary: 'Drafts of what to tell the customer',
  description: describe(
    'both',
    'What the shop sends its customer about this claim, rendered from the claim’s facts: an acknowledgement from filing on (the case number, what happens next, when the answer is due), then the decision and the payment. Each has a greeting, the problem and an apology, the reason, what was done, the options and the amends, signed with the shop’s legal name (`PUT /v1/shop`). A claim filed for a B2B order (`b2b`) is written formally and, when late, states the contractual per-day penalty. The carrier’s compensation is never quoted to the customer.',
  ),
  request: { params: ClaimIdParamsSchema, query: MessageLanguageQuerySchema },
  responses: {
    200: jsonResponse(
      CustomerMessageListSchema,
      'The drafts, in the order the claim produced them',
      {
        items: [
          {
            id: 'ack',
            kind: 'acknowledgement',
            subject: 'Мы уже занимаемся: ваша посылка 1234567890',
            text: 'Здравствуйте, Анна Петрова!\n\nВаша посылка (накладная 1234567890) потерялась в пути. Приносим извинения: вы должны были получить от нас совсем другой сервис.\n\n…',
          },
        ],
      },
    ),
    422: problem(422, 'Bad id or language'),
    ...authErrors,
  },
});

export const messageSentRoute = createRoute({
  method: 'post',
  path: '/v1/claims/{id}/messages/{messageId}/sent',
  operationId: 'recordClaimMessageSent',
  tags,
  security,
  summary: 'Record that a message went out',
  description: describe(
    'both',
    'Stamps `sentAt` on one of the claim’s messages. The first time recorded stays: calling again (a retry) answers the same `sentAt`. No body. Recording `ack` acknowledges the customer: in the same write the claim leaves `GET /v1/claims?unacknowledged=true`.',
  ),
  request: {
    params: ClaimIdParamsSchema.extend(messageIdParam('ack')),
    query: MessageLanguageQuerySchema,
  },
  responses: {
    200: jsonResponse(CustomerMessageSchema, 'The message, with `sentAt`', {
      id: 'ack',
      kind: 'acknowledgement',
      subject: 'Мы уже занимаемся: ваша посылка 1234567890',
      text: 'Здравствуйте, Анна Петрова!\n\n…',
      sentAt: '2025-06-16T09:05:00.000Z',
    }),
    422: problem(422, 'Bad id, message id or language'),
    ...authErrors,
    ...noBodyErrors,
    404: problem(
      404,
      'No such claim (or not yours), or the claim has no such message yet (`decision` before a decision, `payment` before the payment; `delay` is a shipment’s)',
    ),
  },
});
