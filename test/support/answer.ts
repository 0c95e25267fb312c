/**
 * An HTTP answer as the API tests read it, whichever way the request was
 * made: through the Worker's fetch in workerd (test/http) or `app.request()`
 * in Node (test/api).
 */

/** The instant the suites run at: filing windows and "today" are the same on every run. */
export const TODAY = '2025-06-16';
export const fixedClock = () => new Date(`${TODAY}T09:00:00.000Z`);

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  /** The whole answer, for assertion messages: a failing test prints what came back. */
  text: string;
}

type Fetch = (url: string, init: RequestInit) => Response | Promise<Response>;

/**
 * A `call(method, path, body?, headers?)` over the given fetch: a JSON body is
 * sent as JSON, a string as is.
 *
 * @example
 * const call = caller((url, init) => app.request(url, init));
 * const a = await call('POST', '/v1/weight', { packages: [] });
 */
export function caller(fetch: Fetch) {
  return async function call(
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
    const res = await fetch(`http://api.test${path}`, init);
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    const parsed: unknown = type.includes('json') && text ? JSON.parse(text) : { raw: text };
    return {
      status: res.status,
      headers: res.headers,
      body: parsed as Record<string, unknown>,
      text,
    };
  };
}

/** The `errors` of a problem answer. */
export const fieldErrorsOf = (a: Answer) =>
  (a.body.errors ?? []) as { pointer?: string; parameter?: string; detail: string }[];

export const rub = (amount: string) => ({ amount, currency: 'RUB' });
