/**
 * A local stand-in for CDEK's API v2 (CDEK's own test environment is shared by every client and
 * not reachable from CI): a node:http server on 127.0.0.1 that answers the two calls the
 * reconciliation makes with the shapes CDEK documents (https://api-docs.cdek.ru/):
 *
 * - `POST /v2/oauth/token` (form or query: grant_type=client_credentials, client_id,
 *   client_secret) → `{access_token, token_type: 'bearer', expires_in, scope, jti}`, or 401
 *   `{error: 'invalid_client'}` for other credentials;
 * - `GET /v2/orders?cdek_number=…` with `Authorization: Bearer <token>` → `{entity, requests}`
 *   for an order the test put in with `setOrder`; 400 with CDEK's `v2_entity_not_found` error
 *   (as CDEK answers an unknown number) otherwise; 401 without a token it issued.
 *
 * @example
 * const cdek = await startCdekStandIn();
 * cdek.setOrder('1106207236', { uuid: '72753031-…', cdek_number: '1106207236', statuses: [...] });
 * const client = createCdekClient({ baseUrl: cdek.baseUrl, clientId: cdek.clientId, clientSecret: cdek.clientSecret, clock: () => new Date() });
 * await client.orderNotices('1106207236');
 * cdek.requests.length; // 2: the token, then the order
 * await cdek.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received, as it came. */
export interface CdekStandInRequest {
  method: string;
  /** The path without the query: `/v2/oauth/token`, `/v2/orders`. */
  path: string;
  query: Record<string, string>;
  /** The `Authorization` header, if any. */
  authorization: string | undefined;
  /** The body's form fields (the token request), else empty. */
  form: Record<string, string>;
}

/** A canned answer for the next request(s) to a path: a status and a JSON body. */
export interface CdekStandInFault {
  status: number;
  body?: unknown;
  /** How many requests it answers; default 1. */
  times?: number;
  /** Wait this long before answering (to provoke a client's timeout). */
  delayMs?: number;
}

/** The stand-in, running. */
export interface CdekStandIn {
  /** `http://127.0.0.1:<port>`: the client's `baseUrl` (it adds `/v2/...`). */
  baseUrl: string;
  /** The credentials it accepts (set by `startCdekStandIn`'s options). */
  clientId: string;
  clientSecret: string;
  /** Every request received, oldest first. */
  requests: CdekStandInRequest[];
  /** Answer `GET /v2/orders?cdek_number=<cdekNumber>` with this entity (CDEK's order shape). */
  setOrder(cdekNumber: string, entity: Record<string, unknown>): void;
  /** Forget an order: its number answers CDEK's not-found error again. */
  removeOrder(cdekNumber: string): void;
  /** Answer the next request(s) to `path` (`/v2/oauth/token`, `/v2/orders`) with `fault`. */
  failNext(path: string, fault: CdekStandInFault): void;
  /** Refuse every token issued so far (CDEK rotated them): the next order read gets a 401. */
  revokeTokens(): void;
  close(): Promise<void>;
}

/** @example await startCdekStandIn({ clientId: 'shop-1', clientSecret: 's3cret', expiresIn: 3599 }) */
export interface CdekStandInOptions {
  clientId?: string;
  clientSecret?: string;
  /** The token's `expires_in` in seconds; CDEK's is 3599. */
  expiresIn?: number;
}

/**
 * Starts the stand-in on a free port of 127.0.0.1.
 * @example const cdek = await startCdekStandIn(); … await cdek.close();
 */
export async function startCdekStandIn(options: CdekStandInOptions = {}): Promise<CdekStandIn> {
  const clientId = options.clientId ?? 'test-client-id';
  const clientSecret = options.clientSecret ?? 'test-client-secret';
  const orders = new Map<string, Record<string, unknown>>();
  const faults = new Map<string, CdekStandInFault & { left: number }>();
  const requests: CdekStandInRequest[] = [];
  let tokens = new Set<string>();
  let issued = 0;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await bodyOf(req);
    const form = Object.fromEntries(new URLSearchParams(raw));
    const query = Object.fromEntries(url.searchParams);
    const authorization = req.headers.authorization;
    requests.push({ method: req.method ?? '', path: url.pathname, query, authorization, form });

    const fault = faults.get(url.pathname);
    if (fault !== undefined) {
      fault.left -= 1;
      if (fault.left <= 0) faults.delete(url.pathname);
      if (fault.delayMs !== undefined) await new Promise((r) => setTimeout(r, fault.delayMs));
      return send(res, fault.status, fault.body ?? { requests: [cdekRequest('INVALID', [])] });
    }
    if (req.method === 'POST' && url.pathname === '/v2/oauth/token') {
      const field = (name: string) => form[name] ?? query[name];
      if (
        field('grant_type') !== 'client_credentials' ||
        field('client_id') !== clientId ||
        field('client_secret') !== clientSecret
      ) {
        return send(res, 401, { error: 'invalid_client', error_description: 'Bad credentials' });
      }
      issued += 1;
      const accessToken = `stand-in-token-${issued}`;
      tokens.add(accessToken);
      return send(res, 200, {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: options.expiresIn ?? 3599,
        scope: 'order:all payment:all',
        jti: `jti-${issued}`,
      });
    }
    if (req.method === 'GET' && url.pathname === '/v2/orders') {
      const bearer = authorization?.replace(/^Bearer /i, '');
      if (bearer === undefined || !tokens.has(bearer)) {
        return send(res, 401, {
          requests: [
            cdekRequest('INVALID', [{ code: 'v2_token_expired', message: 'Token expired' }]),
          ],
        });
      }
      const cdekNumber = query.cdek_number ?? '';
      const entity = orders.get(cdekNumber);
      if (entity === undefined) {
        const message = `Entity is not found by cdek_number ${cdekNumber}`;
        return send(res, 400, {
          requests: [cdekRequest('INVALID', [{ code: 'v2_entity_not_found', message }])],
        });
      }
      return send(res, 200, { entity, requests: [cdekRequest('SUCCESSFUL')] });
    }
    return send(res, 404, { requests: [cdekRequest('INVALID', [{ code: 'v2_not_found' }])] });
  }

  const server = createServer((req, res) => {
    answer(req, res).catch(() => send(res, 500, { error: 'stand-in failure' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    requests,
    setOrder: (cdekNumber, entity) => void orders.set(cdekNumber, entity),
    removeOrder: (cdekNumber) => void orders.delete(cdekNumber),
    failNext: (path, fault) => void faults.set(path, { ...fault, left: fault.times ?? 1 }),
    revokeTokens: () => {
      tokens = new Set();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** One entry of CDEK's `requests` list, as its GET answers carry it. */
function cdekRequest(state: 'SUCCESSFUL' | 'INVALID', errors?: unknown[]) {
  return {
    request_uuid: '00000000-0000-4000-8000-000000000000',
    type: 'GET',
    date_time: '2026-03-03T10:00:00+0000',
    state,
    ...(errors === undefined ? {} : { errors }),
  };
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
  res.end(JSON.stringify(body));
}
