/**
 * Refusals shown in the OpenAPI document, so `/docs` shows what a client gets back: each is
 * an answer the API gave (only the `instance` and ids made the documents' own), and
 * test/openapi/examples.test.ts holds each to its response schema. They used to be the
 * README's per-endpoint examples.
 */

/** One named example of an OpenAPI `examples` map. */
export interface NamedExample {
  summary: string;
  value: unknown;
}

const instance = 'urn:uuid:0b6f1c2e-8a9d-4c1e-9f3a-1d2e3f4a5b6c';
const claimId = 'clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9';

/** A problem body, the members every problem has first. */
const problem = (
  slug: string,
  title: string,
  status: number,
  detail: string,
  members: Record<string, unknown> = {},
) => ({ type: `/problems/${slug}`, title, status, detail, instance, ...members });

const validation = (detail: string, errors: Record<string, unknown>[]) =>
  problem('validation-failed', 'The request is not valid', 422, detail, { errors });

const invalidInput = (error: Record<string, unknown> & { detail: string }) =>
  problem('invalid-input', 'The input breaks a rule', 422, error.detail, { errors: [error] });

/** Refusals by name, for `withExamples`. */
export const problemExamples = {
  // Calculators.
  fieldErrors: {
    summary: 'A zero length and a missing weight',
    value: validation('2 fields are not valid; see errors.', [
      {
        pointer: '/packages/0/lengthCm',
        code: 'invalid_value',
        detail:
          'must be a positive decimal number of centimetres, at most 10000, with at most 6 decimals',
      },
      { pointer: '/packages/0/weightKg', code: 'required', detail: 'is required' },
    ]),
  },
  dateOrder: {
    summary: 'A promised date before the shipping date',
    value: invalidInput({
      pointer: '/promisedDate',
      code: 'date_order',
      params: {
        field: 'promisedDate',
        date: '2025-04-25',
        other: 'shippedDate',
        otherDate: '2025-04-28',
      },
      detail: '2025-04-25 is before shippedDate 2025-04-28',
    }),
  },
  rateLimitedAddress: {
    summary: 'The 301st calculator request from one address within a minute',
    value: problem(
      'rate-limited',
      'Too many requests; retry after the time in Retry-After',
      429,
      'Too many requests from your address; retry in 60 seconds.',
    ),
  },
  notReady: {
    summary: 'DynamoDB down or frozen (`Retry-After: 5`)',
    value: problem(
      'storage-unavailable',
      'Claim storage is unavailable; retry later',
      503,
      'DynamoDB is not ready (no answer within 2000 ms).',
    ),
  },

  // Claims.
  unauthorized: {
    summary: 'An unknown or revoked key',
    value: problem(
      'unauthorized',
      'A valid API key is required',
      401,
      'The API key is unknown or revoked.',
    ),
  },
  clerkOnly: {
    summary: 'A shop key where only a clerk key may',
    value: problem(
      'forbidden',
      'Your key may not do this',
      403,
      'Only a clerk key may do this; yours is a shop key.',
    ),
  },
  claimExists: {
    summary: 'The same parcel again, while its claim is open',
    value: problem(
      'claim-exists',
      'An open claim of this type exists for the parcel',
      409,
      `This parcel already has an open lost claim, ${claimId}: add to it, or file again once it is settled.`,
      { existingClaimId: claimId },
    ),
  },
  notLate: {
    summary: 'A late claim for a parcel delivered in time',
    value: problem(
      'not-late',
      'The parcel was not late: there is nothing to claim',
      422,
      'promised by 2025-06-12 and delivered on 2025-06-11: not one business day late, so there is nothing to claim',
      {
        errors: [
          {
            pointer: '/shipment/deliveredDate',
            code: 'not_late',
            params: { promisedDate: '2025-06-12', lateUntil: '2025-06-11', dayBasis: 'business' },
            detail:
              'promised by 2025-06-12 and delivered on 2025-06-11: not one business day late, so there is nothing to claim',
          },
        ],
      },
    ),
  },
  outcomeUnknown: {
    summary: 'DynamoDB stalled while the filing was in flight (`Retry-After: 2`)',
    value: problem(
      'storage-outcome-unknown',
      'The write may have been stored; retry with the same Idempotency-Key',
      503,
      'Claim storage did not answer after the write was sent (timeout): it may have been stored. Retry a filing with the same Idempotency-Key (you get the stored claim if it was); read a claim again before repeating a move.',
    ),
  },
  unacknowledgedNotBoolean: {
    summary: '`unacknowledged=maybe`',
    value: validation('unacknowledged: must be true or false', [
      {
        parameter: 'unacknowledged',
        code: 'invalid_enum',
        params: { values: ['true', 'false'] },
        detail: 'must be true or false',
      },
    ]),
  },
  searchFieldUnknown: {
    summary: '`q=a-100&in=email`: no such search field',
    value: validation('in: must be one of: name, phone, orderId, waybill, id', [
      {
        parameter: 'in',
        code: 'invalid_enum',
        params: { values: ['name', 'phone', 'orderId', 'waybill', 'id'] },
        detail: 'must be one of: name, phone, orderId, waybill, id',
      },
    ]),
  },
  cursorNotYours: {
    summary: 'A cursor from another key or other filters, or altered',
    value: validation('The cursor is not valid for this listing.', [
      {
        parameter: 'cursor',
        code: 'invalid_value',
        detail: 'Invalid cursor: not issued to this caller for this listing, or altered',
      },
    ]),
  },
  stale: {
    summary: '`If-Match: "1"` on a claim at version 2',
    value: problem(
      'precondition-failed',
      'The claim changed since you read it',
      412,
      'If-Match "1" is stale; the claim is at version 2.',
      { currentVersion: 2 },
    ),
  },
  invalidTransition: {
    summary: 'Paying a claim still in review',
    value: problem(
      'invalid-transition',
      'The claim cannot make that move',
      409,
      "A claim in status 'in_review' cannot move to 'paid'; allowed: approved, partially_approved, rejected, needs_info",
      { currentStatus: 'in_review', attempted: 'paid' },
    ),
  },
  ifMatchSyntax: {
    summary: '`If-Match: 2` (not an entity tag)',
    value: validation('if-match: must be the ETag of the claim, e.g. "3" (or *)', [
      {
        header: 'if-match',
        code: 'invalid_format',
        params: { format: 'regex' },
        detail: 'must be the ETag of the claim, e.g. "3" (or *)',
      },
    ]),
  },
  partialWithoutAmount: {
    summary: 'A partial approval without `approvedAmount`',
    value: invalidInput({
      pointer: '/approvedAmount',
      code: 'required',
      detail: 'a partial approval needs approvedAmount',
    }),
  },
  blankNote: {
    summary: 'A note of blanks',
    value: validation('/text: is required', [
      { pointer: '/text', code: 'required', detail: 'is required' },
    ]),
  },
  countsOfAnotherShop: {
    summary: 'A shop key naming a `shopId`',
    value: validation('shopId is a clerk filter; a shop key reads its own counts.', [
      { parameter: 'shopId', code: 'not_allowed', detail: 'is for clerk keys only' },
    ]),
  },
  rangeTooLong: {
    summary: 'More than 366 days',
    value: validation(
      'to: is more than 366 days after from (2024-01-01); ask for a shorter range',
      [
        {
          parameter: 'to',
          code: 'invalid_value',
          detail: 'is more than 366 days after from (2024-01-01); ask for a shorter range',
        },
      ],
    ),
  },

  // Remedies, the shop, files.
  overLimit: {
    summary: 'A gift of 1500.00 RUB where `maxGiftValue` is 1000.00 RUB',
    value: problem(
      'remedy-over-limit',
      'The offer is above what the shop may give (its remedyLimits)',
      422,
      "a gift of 1500.00 RUB is above the shop's maxGiftValue (1000.00 RUB)",
      {
        errors: [
          {
            pointer: '/value/amount',
            code: 'remedy_over_limit',
            params: { limit: 'maxGiftValue', maximum: '1000.00 RUB' },
            detail: "a gift of 1500.00 RUB is above the shop's maxGiftValue (1000.00 RUB)",
          },
        ],
      },
    ),
  },
  remedySettled: {
    summary: 'Declining an offer already accepted',
    value: problem(
      'remedy-settled',
      'The remedy was already accepted or declined',
      409,
      'Remedy rm_1 is already accepted: an answer is final, it cannot become declined.',
      { currentStatus: 'accepted' },
    ),
  },
  checkDigit: {
    summary: 'An INN with a wrong check digit (7736207544)',
    value: validation('/inn: has a wrong check digit', [
      { pointer: '/inn', code: 'check_digit', detail: 'has a wrong check digit' },
    ]),
  },
  fileExists: {
    summary: 'A second upload to the same entry',
    value: problem(
      'file-exists',
      'The evidence entry already has its file; files are not replaced',
      409,
      'Evidence ev_1 already has its file; files are kept as uploaded. Add a new evidence entry for another file.',
    ),
  },
  fileTypeMismatch: {
    summary: 'A PDF sent as `image/jpeg`',
    value: problem(
      'file-type-mismatch',
      'The file’s bytes are not of the type it was sent as',
      422,
      'The bytes are application/pdf, not image/jpeg.',
    ),
  },

  // Orders and shipments.
  packagingNotSold: {
    summary: 'Packaging the carrier does not sell',
    value: invalidInput({
      pointer: '/shipments/0/packaging/0/item',
      code: 'invalid_input',
      params: {
        item: 'crate_xl',
        known: 'crate_s, crate_m, crate_l, envelope_a2, envelope_a3, envelope_a4, envelope_a5',
      },
      detail:
        "CDEK parcels does not sell packaging 'crate_xl'; it sells: crate_s, crate_m, crate_l, envelope_a2, envelope_a3, envelope_a4, envelope_a5",
    }),
  },
  clerkWithoutShop: {
    summary: 'A clerk key without `shopId`',
    value: validation('A clerk key names the shop whose order or shipment it reads: ?shopId=…', [
      { parameter: 'shopId', code: 'not_allowed', detail: 'is required with a clerk key' },
    ]),
  },
  eventInTheFuture: {
    summary: 'An event more than 24 h ahead of the server’s clock',
    value: invalidInput({
      pointer: '/at',
      code: 'in_the_future',
      params: { field: 'at', latest: '2025-06-17T09:00:00.000Z' },
      detail:
        '2025-06-19T11:00:00+03:00 has not happened yet: at most 2025-06-17T09:00:00.000Z, 24 h ahead of the server’s clock (2025-06-16T09:00:00.000Z)',
    }),
  },
  noDelayNotice: {
    summary: 'A shipment delivered, or not late',
    value: problem(
      'not-found',
      'Not found',
      404,
      'Shipment S-1001-1 is not late (or already delivered): it has no delay notice.',
    ),
  },
} satisfies Record<string, NamedExample>;

/** The name of a refusal in `problemExamples`. */
export type ProblemExampleName = keyof typeof problemExamples;

/**
 * A documented request body or answer with `examples` as its media type's named examples
 * (`/docs` offers them in a list).
 *
 * @example body: withNamedExamples(jsonBody(EventSchema, 'The event'), { delivered: { summary: 'Delivered', value: {…} } }),
 */
export function withNamedExamples<R extends { content: Record<string, object> }>(
  part: R,
  examples: Record<string, NamedExample>,
): R {
  return {
    ...part,
    content: Object.fromEntries(
      // `example` and `examples` exclude each other (OpenAPI): the named ones replace it.
      Object.entries(part.content).map(([type, media]) => {
        const { example: _replaced, ...rest } = media as { example?: unknown };
        return [type, { ...rest, examples }];
      }),
    ) as R['content'],
  };
}

/**
 * A documented answer with these refusals as its examples.
 *
 * @example responses: { 409: withExamples(problem(409, 'Exists'), 'claimExists') },
 */
export const withExamples = <R extends { content: Record<string, object> }>(
  response: R,
  ...names: ProblemExampleName[]
): R =>
  withNamedExamples(
    response,
    Object.fromEntries(names.map((name) => [name, problemExamples[name]])),
  );
