/**
 * CDEK's OAuth as a fetch function, for the HTTP tests inside workerd (where the node:http
 * stand-in, ./cdek-stand-in.ts, cannot run): `POST /v2/oauth/token` issues a token for
 * CDEK_TEST_CREDENTIALS and answers other credentials with CDEK's 401 `invalid_client`; a
 * client id of `unreachable` gets no answer at all (a network error); `GET /v2/orders` knows
 * no order (CDEK's `v2_entity_not_found`).
 */

/** The credentials the stand-in takes. */
export const CDEK_TEST_CREDENTIALS = {
  clientId: 'EMscd6r9JnFiQ3bLoyjJY6eM78JrJceI',
  clientSecret: 'PjLZkKBHEiLK3YsjtNrt3TGNG0ahs3kG',
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** @example createWorker({ cdekFetch }) */
export const cdekFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.pathname === '/v2/oauth/token') {
    const form = new URLSearchParams(String(init?.body ?? ''));
    if (form.get('client_id') === 'unreachable') throw new TypeError('Network connection lost.');
    const ok =
      form.get('client_id') === CDEK_TEST_CREDENTIALS.clientId &&
      form.get('client_secret') === CDEK_TEST_CREDENTIALS.clientSecret;
    return ok
      ? json(200, { access_token: 'token-1', token_type: 'bearer', expires_in: 3599 })
      : json(401, { error: 'invalid_client' });
  }
  return json(400, {
    requests: [{ state: 'INVALID', errors: [{ code: 'v2_entity_not_found', message: 'none' }] }],
  });
};
