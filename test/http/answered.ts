/**
 * Every answer the Worker under test gave (method, path, status), as the HTTP tests and
 * the fuzz drill provoke them, for test/http/statuses.ts to hold against the OpenAPI
 * document: each status an operation answered must be among its documented `responses`.
 * Kept on `globalThis`: the test file and the Worker's fetch run in one isolate.
 */
export interface Answered {
  method: string;
  /** The path as requested, without the query. */
  path: string;
  status: number;
}

const KEY = Symbol.for('parcel-claims.answered');
type Holder = { [KEY]?: Answered[] };

/** The answers recorded in this isolate so far. @example answered().length */
export function answered(): Answered[] {
  const holder = globalThis as Holder;
  holder[KEY] ??= [];
  return holder[KEY];
}

/**
 * Records one answer.
 * @example record('GET', 'http://api.test/v1/claims?limit=1', 200)
 */
export function record(method: string, url: string, status: number): void {
  answered().push({ method: method.toUpperCase(), path: new URL(url).pathname, status });
}
