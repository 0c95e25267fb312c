/**
 * CDEK's API (v2), as much of it as the daily reconciliation reads: an OAuth client-credentials
 * token (`POST /v2/oauth/token`) and an order by its CDEK number (`GET /v2/orders?cdek_number=`),
 * whose `statuses` and `delivery_problem` become the notices the webhook would have brought,
 * with the same event ids. fetch only (Workers and Node alike).
 */
import type { CarrierNotice } from '../types';
import { readCdekOrder } from './order';

/**
 * CDEK refused the credentials (a wrong client id or secret, or a token it no longer takes).
 * @example if (error instanceof CdekAuthError) markCredentialsRefused(shopId);
 */
export class CdekAuthError extends Error {
  readonly code = 'cdek-auth' as const;
  constructor(readonly status: number) {
    super(`CDEK refused the API credentials (HTTP ${status})`);
    this.name = 'CdekAuthError';
  }
}

/**
 * CDEK could not be read now (network, timeout, a 5xx, an answer that is no JSON): try later.
 * @example if (error instanceof CdekUnavailableError) return 'retry-tomorrow';
 */
export class CdekUnavailableError extends Error {
  readonly code = 'cdek-unavailable' as const;
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CdekUnavailableError';
  }
}

/** @example createCdekClient({ baseUrl: 'https://api.cdek.ru', clientId, clientSecret, clock: () => new Date() }) */
export interface CdekClientOptions {
  /** Without `/v2`: `https://api.cdek.ru` (CDEK's test API: `https://api.edu.cdek.ru`). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  clock: () => Date;
  /** Per request; default 10 s. */
  timeoutMs?: number;
}

/** What the reconciliation asks CDEK. @example await client.orderNotices('1106207236') // { found: true, notices: [...] } */
export interface CdekClient {
  /**
   * The notices of every status and delivery problem CDEK holds for a parcel (source
   * `reconciliation`); `found: false` when CDEK knows no order by that number.
   * @throws CdekAuthError, CdekUnavailableError
   */
  orderNotices(cdekNumber: string): Promise<{ found: boolean; notices: CarrierNotice[] }>;
}

/** A token is renewed this long before CDEK says it expires (clocks differ, requests take time). */
const TOKEN_MARGIN_MS = 60_000;

/**
 * A CDEK API client with its token cached until shortly before `expires_in`.
 * @example const { found, notices } = await createCdekClient(options).orderNotices('1106207236');
 */
export function createCdekClient(options: CdekClientOptions): CdekClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  let token: { value: string; until: number } | undefined;

  async function call(url: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const why = error instanceof Error ? error.name : 'error';
      throw new CdekUnavailableError(`CDEK did not answer (${why})`);
    }
  }

  async function newToken(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    });
    const response = await call(`${base}/v2/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    if ([400, 401, 403].includes(response.status)) throw new CdekAuthError(response.status);
    const answer = await jsonOf(response);
    const value = answer.access_token;
    const expiresIn = Number(answer.expires_in);
    if (typeof value !== 'string' || value === '' || !Number.isFinite(expiresIn)) {
      throw new CdekUnavailableError('CDEK answered the token request without a token');
    }
    const margin = Math.min(TOKEN_MARGIN_MS, (expiresIn * 1000) / 2);
    token = { value, until: options.clock().getTime() + expiresIn * 1000 - margin };
    return value;
  }

  async function bearer(): Promise<string> {
    if (token !== undefined && options.clock().getTime() < token.until) return token.value;
    return newToken();
  }

  async function getOrder(cdekNumber: string, access: string): Promise<Response> {
    const url = `${base}/v2/orders?cdek_number=${encodeURIComponent(cdekNumber)}`;
    return call(url, {
      headers: { authorization: `Bearer ${access}`, accept: 'application/json' },
    });
  }

  return {
    async orderNotices(cdekNumber) {
      let response = await getOrder(cdekNumber, await bearer());
      if (response.status === 401) {
        // CDEK dropped the token before its time (a new secret, a restart): one new token.
        token = undefined;
        response = await getOrder(cdekNumber, await bearer());
        if (response.status === 401) throw new CdekAuthError(401);
      }
      if (response.status === 403) throw new CdekAuthError(403);
      const answer = await jsonOf(response);
      if (response.status === 400 || response.status === 404) {
        if (saysNotFound(answer) || response.status === 404) return { found: false, notices: [] };
        throw new CdekUnavailableError(`CDEK refused the order request (HTTP ${response.status})`);
      }
      if (!response.ok) {
        throw new CdekUnavailableError(`CDEK answered HTTP ${response.status}`, response.status);
      }
      const notices = readCdekOrder(answer.entity, { cdekNumber, source: 'reconciliation' });
      return notices === undefined ? { found: false, notices: [] } : { found: true, notices };
    },
  };
}

/** The JSON object of an answer; a 5xx or an answer that is none is CDEK being unavailable. */
async function jsonOf(response: Response): Promise<Record<string, unknown>> {
  if (response.status >= 500) {
    await response.body?.cancel();
    throw new CdekUnavailableError(`CDEK answered HTTP ${response.status}`, response.status);
  }
  let value: unknown;
  try {
    value = await response.json();
  } catch {
    throw new CdekUnavailableError('CDEK answered with no JSON', response.status);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CdekUnavailableError('CDEK answered with no JSON object', response.status);
  }
  return value as Record<string, unknown>;
}

/** CDEK's "no such order": `requests[].errors[].code` such as `v2_entity_not_found`. */
function saysNotFound(answer: Record<string, unknown>): boolean {
  const requests = Array.isArray(answer.requests) ? answer.requests : [];
  const errors = [answer, ...requests].flatMap((request: unknown) =>
    typeof request === 'object' && request !== null && 'errors' in request
      ? Array.isArray(request.errors)
        ? request.errors
        : []
      : [],
  );
  return errors.some(
    (error: unknown) =>
      typeof error === 'object' &&
      error !== null &&
      'code' in error &&
      typeof error.code === 'string' &&
      error.code.includes('not_found'),
  );
}
