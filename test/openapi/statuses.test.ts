/**
 * The statuses every operation can answer whatever it does (issue 19: "the spec documenting
 * every status an operation can return"), held against the document statically, for those
 * the HTTP tests cannot provoke on each operation (an outage, a spent rate limit, a bug).
 * What the HTTP tests and the fuzz drill do provoke is checked against it after each of
 * their files (test/http/statuses.setup.ts; test/http/statuses.test.ts sends every
 * operation the generic refusals).
 */
import { describe, expect, it } from 'vitest';
import { getDoc, isKeyed, operations } from './document';

describe('the statuses in the OpenAPI document', () => {
  it('are on every operation that can answer them', async () => {
    const doc = await getDoc();
    const missing: string[] = [];
    for (const { path, method, op } of operations(doc)) {
      const due = new Set<string>();
      // The key: none or revoked (401), spent (429); storage (503) and a bug (500).
      if (isKeyed(op)) ['401', '429', '500', '503'].forEach((s) => due.add(s));
      // One role only: the other's key is a 403.
      const who = /^Who may call: (.*?)\.(?: |$)/.exec(op.description ?? '')?.[1] ?? '';
      if (isKeyed(op) && !(who.includes('**shop**') && who.includes('**clerk**'))) due.add('403');
      // Every request is held to the body rules before its route (src/http/body-guard.ts):
      // the size limit whatever the method, JSON where the method carries a body.
      const raw = path.endsWith('/file') && method === 'put';
      if (method !== 'get' && !raw) due.add('413');
      if ((method === 'post' || method === 'put') && !raw) due.add('415');
      // A JSON body is parsed (400) and validated (422).
      if (op.requestBody?.content['application/json']) ['400', '422'].forEach((s) => due.add(s));
      for (const status of due) {
        if (!(status in op.responses)) missing.push(`${method.toUpperCase()} ${path}: ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
