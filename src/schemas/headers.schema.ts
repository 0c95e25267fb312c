/**
 * The response headers the API sends, as OpenAPI header components
 * (`createApp` registers them). Routes name the ones each answer carries.
 */
export const RESPONSE_HEADERS = {
  'X-Request-Id': {
    description:
      'The request id (yours when you sent a UUID as `X-Request-Id`); a problem’s `instance` is `urn:uuid:` + this id. On every response.',
    schema: { type: 'string', format: 'uuid', example: '0b6f1c2e-8a9d-4c1e-9f3a-1d2e3f4a5b6c' },
  },
  ETag: {
    description:
      'The version of what the answer carries (a claim, an order, a shop’s profile); send a claim’s back as `If-Match` to move the claim.',
    schema: { type: 'string', pattern: '^"\\d+"$', example: '"2"' },
  },
  Location: {
    description:
      'What was created: the filed claim, `/v1/claims/{id}`; a carrier hook, `/v1/carrier-hooks/{id}`.',
    schema: {
      type: 'string',
      pattern: '^/v1/(claims/clm_[0-9a-f]{32}|carrier-hooks/hk_[A-Za-z0-9_-]{16})$',
      example: '/v1/claims/clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9',
    },
  },
  'Idempotent-Replayed': {
    description:
      'Sent (as `true`) when this is the stored answer to an earlier filing with the same `Idempotency-Key`; absent on a first filing.',
    schema: { type: 'string', const: 'true' },
  },
  'Retry-After': {
    description: 'Seconds to wait before retrying.',
    schema: { type: 'integer', minimum: 0, example: 1 },
  },
  'WWW-Authenticate': {
    description: 'The Bearer challenge.',
    schema: { type: 'string', example: 'Bearer realm="parcel-claims"' },
  },
} as const;

export type ResponseHeader = keyof typeof RESPONSE_HEADERS;

/**
 * References to the named header components, `X-Request-Id` always included:
 * the `headers` of one documented response.
 *
 * @example
 * headers: responseHeaders('ETag'),
 */
export const responseHeaders = (...names: ResponseHeader[]) =>
  Object.fromEntries(
    (['X-Request-Id', ...names] as const).map((name) => [
      name,
      { $ref: `#/components/headers/${name}` },
    ]),
  );
