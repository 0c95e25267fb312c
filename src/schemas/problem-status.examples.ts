/**
 * The example each problem answer shows in the OpenAPI document (and so in `/docs`) when its
 * operation names none of its own: per status, and per 409 problem type, an answer the API
 * gives (only `instance` and ids made the document's own). Without them a viewer invents a
 * body from the schema, and every status looked like a 404.
 * test/openapi/problem-examples.test.ts holds each to its status and schema.
 */
import { PROBLEMS, problemTypeUri, type ProblemKind } from '../http/problem-types';

const instance = 'urn:uuid:0b6f1c2e-8a9d-4c1e-9f3a-1d2e3f4a5b6c';
const claimId = 'clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9';

/**
 * A problem body of `kind`, as the API sends it: its members after the five every one has.
 * @example problemBody('notFound', 'No claim clm_1.').status // 404
 */
export const problemBody = (
  kind: ProblemKind,
  detail: string,
  members: Record<string, unknown> = {},
) => ({
  type: problemTypeUri(kind),
  title: PROBLEMS[kind].title,
  status: PROBLEMS[kind].status,
  detail,
  instance,
  ...members,
});

/** Per status: the answer of the commonest problem type with it. */
export const statusExamples: Readonly<Record<number, ReturnType<typeof problemBody>>> = {
  400: problemBody('malformedJson', 'Malformed JSON in request body'),
  401: problemBody('unauthorized', 'Send Authorization: Bearer <API key>.'),
  403: problemBody('forbidden', 'Only a clerk key may do this; yours is a shop key.'),
  404: problemBody('notFound', `No claim ${claimId}.`),
  412: problemBody('preconditionFailed', 'If-Match "2" is stale; the claim is at version 3.', {
    currentVersion: 3,
  }),
  413: problemBody('bodyTooLarge', 'The body is over 65536 bytes.'),
  415: problemBody('unsupportedMediaType', "Send the body as application/json (got 'text/plain')."),
  422: problemBody('validation', '/waybill: is required', {
    errors: [{ pointer: '/waybill', code: 'required', detail: 'is required' }],
  }),
  429: problemBody('rateLimited', 'Too many requests with this API key; retry in 60 seconds.'),
  500: problemBody('internal', 'Quote the instance id to support.'),
  503: problemBody('storageUnavailable', 'DynamoDB is not ready (no answer within 2000 ms).'),
};

/** Per 409 problem type: its answer, with the members it carries. */
export const conflictExamples = {
  invalidTransition: problemBody(
    'invalidTransition',
    "A claim in status 'in_review' cannot move to 'paid'; allowed: approved, partially_approved, rejected, needs_info",
    { currentStatus: 'in_review', attempted: 'paid' },
  ),
  conflict: problemBody('conflict', 'The claim changed meanwhile; read it again and retry.', {
    currentVersion: 4,
  }),
  claimExists: problemBody(
    'claimExists',
    `This parcel already has an open lost claim, ${claimId}: add to it, or file again once it is settled.`,
    { existingClaimId: claimId },
  ),
  orderChanged: problemBody(
    'orderChanged',
    'The order or one of its shipments kept changing while this replace was written (another replace of the order, or carrier events on its shipments, landed first each time); the order is as those writes left it. Read it and send the replace again.',
  ),
  shopChanged: problemBody(
    'shopChanged',
    'The shop’s profile kept changing while this replace was written (other replaces landed first each time). Read it and send yours again.',
  ),
  fileExists: problemBody(
    'fileExists',
    'Evidence ev_1 already has its file; files are kept as uploaded. Add a new evidence entry for another file.',
  ),
  remedySettled: problemBody(
    'remedySettled',
    'Remedy rm_1 is already accepted: an answer is final, it cannot become declined.',
    { currentStatus: 'accepted' },
  ),
  claimCancelled: problemBody(
    'claimCancelled',
    `Claim ${claimId} was withdrawn: it takes no remedies.`,
  ),
  webhookEndpointDisabled: problemBody(
    'webhookEndpointDisabled',
    'Endpoint we_3f2b8c1d4e5f60718293a4b5c6d7e8f9 is disabled; enable it first (PATCH enabled: true).',
  ),
  auditNotCompleted: problemBody(
    'auditNotCompleted',
    'The audit is processing: file once it has completed.',
  ),
  shopProfileRequired: problemBody(
    'shopProfileRequired',
    'The shop has no profile to sign its claims with: PUT /v1/shop first.',
  ),
} as const;
