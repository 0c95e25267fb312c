import { SELF } from 'cloudflare:test';

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  /** The whole answer, for assertion messages: a failing test prints what came back. */
  text: string;
}

/**
 * Calls the Worker exactly as deployed (through its fetch entry).
 *
 * @example
 * const a = await call('POST', '/v1/weight', { packages: [] });
 */
export async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json', ...headers };
  }
  const res = await SELF.fetch(`http://api.test${path}`, init);
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const parsed: unknown = type.includes('json') && text ? JSON.parse(text) : { raw: text };
  return {
    status: res.status,
    headers: res.headers,
    body: parsed as Record<string, unknown>,
    text,
  };
}

/** The `errors` of a problem answer. */
export const fieldErrorsOf = (a: Answer) =>
  (a.body.errors ?? []) as { pointer?: string; parameter?: string; detail: string }[];

export const rub = (amount: string) => ({ amount, currency: 'RUB' });
