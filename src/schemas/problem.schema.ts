import { z } from '@hono/zod-openapi';
import { PROBLEMS, problemMembers, problemTypeUri, type ProblemKind } from '../http/problem-types';
import { responseHeaders, type ResponseHeader } from './headers.schema';
import { conflictExamples, statusExamples } from './problem-status.examples';

const FieldErrorSchema = z
  .object({
    pointer: z.string().optional().openapi({ example: '/packages/0/lengthCm' }),
    parameter: z.string().optional(),
    header: z.string().optional(),
    code: z.string().optional().openapi({
      example: 'invalid_value',
      description:
        'Stable reason (required, invalid_type, too_long, invalid_enum, …): switch on it',
    }),
    params: z
      .record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))
      .optional()
      .openapi({
        example: { maximum: 64 },
        description: 'What the message needs: a limit, the allowed values',
      }),
    detail: z.string().openapi({ example: 'must be a positive decimal number of centimetres' }),
  })
  .openapi('FieldError');

const KINDS = Object.keys(PROBLEMS) as ProblemKind[];

/** The `type` URIs the registry (src/http/problem-types.ts) has for `status`, or all of them. */
export const typeUris = (status?: number): [string, ...string[]] => {
  const [first, ...rest] = KINDS.filter(
    (kind) => status === undefined || PROBLEMS[kind].status === status,
  ).map(problemTypeUri);
  if (first === undefined) throw new Error(`No problem type has status ${status}.`);
  return [first, ...rest];
};

/**
 * A named problem schema: the members every problem has, `type` one of
 * `types`, the example `kind` shows, and the members of its own (for one kind, those its
 * entry in the error table lists).
 */
const problemSchema = <M extends z.ZodRawShape>(
  name: string,
  types: [string, ...string[]],
  example: { kind: ProblemKind; detail: string },
  members: M,
) =>
  z
    .object({
      type: z.enum(types).openapi({
        example: problemTypeUri(example.kind),
        description: 'Stable; switch on it. `GET` it for its title and status.',
      }),
      title: z.string().openapi({ example: PROBLEMS[example.kind].title }),
      status: z.number().int().openapi({ example: PROBLEMS[example.kind].status }),
      detail: z.string().openapi({ example: example.detail }),
      instance: z.string().openapi({ example: 'urn:uuid:0b6f1c2e-8a9d-4c1e-9f3a-1d2e3f4a5b6c' }),
      ...members,
    })
    .openapi(name);

/** RFC 9457 problem details: the body of every error answer without members of its own. */
export const ProblemSchema = problemSchema(
  'Problem',
  typeUris(),
  { kind: 'notFound', detail: 'No claim clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9.' },
  {},
);

/** 422: a field, a parameter or a rule; `errors` names each offending field. */
export const ValidationProblemSchema = problemSchema(
  'ValidationProblem',
  typeUris(422),
  { kind: 'validation', detail: '/packages/0/lengthCm: must be a positive decimal' },
  { errors: z.array(FieldErrorSchema).optional() },
);

/** 409 `invalid-transition`: the claim's status does not allow the move. */
const InvalidTransitionProblemSchema = problemSchema(
  'InvalidTransitionProblem',
  [problemTypeUri('invalidTransition')],
  { kind: 'invalidTransition', detail: "A claim in status 'paid' cannot move to 'in_review'" },
  problemMembers('invalidTransition'),
);

/** 409 `conflict`: another change won the race. */
const ClaimChangedProblemSchema = problemSchema(
  'ClaimChangedProblem',
  [problemTypeUri('conflict')],
  { kind: 'conflict', detail: 'The claim changed meanwhile; read it again and retry.' },
  problemMembers('conflict'),
);

/** 409 `order-changed`: an order replace kept losing to other writes of the order. */
const OrderChangedProblemSchema = problemSchema(
  'OrderChangedProblem',
  [problemTypeUri('orderChanged')],
  {
    kind: 'orderChanged',
    detail:
      'The order or one of its shipments kept changing while this replace was written (another replace of the order, or carrier events on its shipments, landed first each time); the order is as those writes left it. Read it and send the replace again.',
  },
  {},
);

/** 409 `shop-changed`: a profile replace kept losing to other replaces of it. */
const ShopChangedProblemSchema = problemSchema(
  'ShopChangedProblem',
  [problemTypeUri('shopChanged')],
  {
    kind: 'shopChanged',
    detail:
      'The shop’s profile kept changing while this replace was written (other replaces landed first each time). Read it and send yours again.',
  },
  {},
);

/** 409 `claim-exists`: the shop has an open claim of this type for the parcel. */
const ClaimExistsProblemSchema = problemSchema(
  'ClaimExistsProblem',
  [problemTypeUri('claimExists')],
  {
    kind: 'claimExists',
    detail:
      'This parcel already has an open lost claim, clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9: add to it, or file again once it is settled.',
  },
  problemMembers('claimExists'),
);

/** 409 `file-exists`: an evidence entry's file is kept as first uploaded. */
const FileExistsProblemSchema = problemSchema(
  'FileExistsProblem',
  [problemTypeUri('fileExists')],
  { kind: 'fileExists', detail: 'Evidence ev_1 already has its file; files are kept as uploaded.' },
  {},
);

// Remedies: the 409s of POST /v1/claims/{id}/remedies….
/** 409 `remedy-settled`: the customer's answer to an offer is final. */
const RemedySettledProblemSchema = problemSchema(
  'RemedySettledProblem',
  [problemTypeUri('remedySettled')],
  {
    kind: 'remedySettled',
    detail: 'Remedy rm_1 is already accepted: an answer is final, it cannot become declined.',
  },
  problemMembers('remedySettled'),
);

/** 409 `claim-cancelled`: a withdrawn claim takes no remedies. */
const ClaimCancelledProblemSchema = problemSchema(
  'ClaimCancelledProblem',
  [problemTypeUri('claimCancelled')],
  {
    kind: 'claimCancelled',
    detail: 'Claim clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9 was withdrawn: it takes no remedies.',
  },
  {},
);

/** 409 `webhook-endpoint-disabled`: nothing is sent to a disabled endpoint. */
const WebhookEndpointDisabledProblemSchema = problemSchema(
  'WebhookEndpointDisabledProblem',
  [problemTypeUri('webhookEndpointDisabled')],
  {
    kind: 'webhookEndpointDisabled',
    detail:
      'Endpoint we_3f2b8c1d4e5f60718293a4b5c6d7e8f9 is disabled; enable it first (PATCH enabled: true).',
  },
  {},
);

/** 409 `audit-not-completed`: claims are filed from a completed audit. */
const AuditNotCompletedProblemSchema = problemSchema(
  'AuditNotCompletedProblem',
  [problemTypeUri('auditNotCompleted')],
  {
    kind: 'auditNotCompleted',
    detail: 'The audit is processing: file once it has completed.',
  },
  {},
);

/** 409 `shop-profile-required`: an audit's claims are signed with the shop's profile. */
const ShopProfileRequiredProblemSchema = problemSchema(
  'ShopProfileRequiredProblem',
  [problemTypeUri('shopProfileRequired')],
  {
    kind: 'shopProfileRequired',
    detail: 'The shop has no profile to sign its claims with: PUT /v1/shop first.',
  },
  {},
);

/** 412: `If-Match` named an older version than `currentVersion`. */
export const PreconditionFailedProblemSchema = problemSchema(
  'PreconditionFailedProblem',
  typeUris(412),
  { kind: 'preconditionFailed', detail: 'If-Match "2" is stale; the claim is at version 3.' },
  problemMembers('preconditionFailed'),
);

/** The 409 problem types, each with its schema: an operation documents those it can answer. */
const CONFLICT_SCHEMAS = {
  invalidTransition: InvalidTransitionProblemSchema,
  conflict: ClaimChangedProblemSchema,
  claimExists: ClaimExistsProblemSchema,
  orderChanged: OrderChangedProblemSchema,
  shopChanged: ShopChangedProblemSchema,
  fileExists: FileExistsProblemSchema,
  remedySettled: RemedySettledProblemSchema,
  claimCancelled: ClaimCancelledProblemSchema,
  webhookEndpointDisabled: WebhookEndpointDisabledProblemSchema,
  auditNotCompleted: AuditNotCompletedProblemSchema,
  shopProfileRequired: ShopProfileRequiredProblemSchema,
} as const;
export type ConflictKind = keyof typeof CONFLICT_SCHEMAS;

/** The body of a problem answer with `status`, its own members included. */
const schemaFor = (status: number): z.ZodType => {
  if (status === 422) return ValidationProblemSchema;
  if (status === 412) return PreconditionFailedProblemSchema;
  // A 409 is one of a few problem types, which differ per operation: `conflictProblem` names them.
  if (status === 409)
    throw new Error('A 409 names the problem types it answers: conflictProblem().');
  return ProblemSchema;
};

/** The headers each problem status is sent with, besides X-Request-Id. */
const HEADERS: Partial<Record<number, ResponseHeader[]>> = {
  401: ['WWW-Authenticate'],
  429: ['Retry-After'],
  503: ['Retry-After'],
};

/**
 * A documented problem answer: its schema, typed for the status, and its headers.
 *
 * @example
 * responses: { 404: problem(404, 'No such claim') },
 */
export const problem = (status: number, description: string) => ({
  description,
  headers: responseHeaders(...(HEADERS[status] ?? [])),
  content: {
    'application/problem+json': { schema: schemaFor(status), example: exampleFor(status) },
  },
});

/** The example of a problem answer with `status` (src/schemas/problem-status.examples.ts). */
function exampleFor(status: number) {
  const example = statusExamples[status];
  if (!example) throw new Error(`No example problem with status ${status}.`);
  return example;
}

/**
 * A documented 409 whose body is one of the problem types `kinds` (each from the error table):
 * exactly those the operation can answer, so a client switches on `type` over them only.
 *
 * @example responses: { 409: conflictProblem('The order changed meanwhile', 'orderChanged') },
 */
export const conflictProblem = (
  description: string,
  ...kinds: [ConflictKind, ...ConflictKind[]]
) => {
  const [first, second, ...rest] = kinds.map((kind) => CONFLICT_SCHEMAS[kind]);
  const schema =
    first === undefined || second === undefined
      ? first
      : z.discriminatedUnion('type', [first, second, ...rest]);
  return {
    description,
    headers: responseHeaders(),
    content: {
      'application/problem+json': {
        schema: schema ?? ProblemSchema,
        example: conflictExamples[kinds[0]],
      },
    },
  };
};

/** 429 `rate-limited`: the caller's budget (per API key, or per address on the calculators) is spent. */
export const rateLimitedResponse = (whose: string) =>
  problem(429, `Too many requests ${whose}; retry after \`Retry-After\` seconds`);

/** Error answers every JSON-body route (the open calculators) can give; spread into `responses`. */
export const bodyErrorResponses = {
  400: problem(400, 'The body is not valid JSON'),
  413: problem(413, 'The body is larger than the limit'),
  415: problem(415, 'The body is not application/json'),
  422: problem(422, 'A field is missing or breaks a rule; `errors` names each one'),
  429: rateLimitedResponse('from your address'),
  500: problem(500, 'Unexpected failure; quote `instance` to support'),
} as const;

/** Error answers of routes without a body. */
export const readErrorResponses = {
  404: problem(404, 'No such resource'),
  422: problem(422, 'A parameter breaks a rule'),
  500: problem(500, 'Unexpected failure; quote `instance` to support'),
} as const;
