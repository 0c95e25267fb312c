/**
 * The spec documents every status an operation can return (issue 19): after each HTTP test
 * file, every answer the Worker gave it (test/http/answered.ts: the Worker under test
 * records each, and so does the fuzz drill's app) is held against the OpenAPI document.
 * An answer to a documented operation (its method and path template) must have its status
 * among the operation's `responses`. Answers to no operation (an unknown path, a method a
 * path does not take, the desk's pages) are the app's 404 and 405, documented once
 * (`/problems/{slug}`), not per operation.
 */
import { SELF } from 'cloudflare:test';
import { afterAll, expect } from 'vitest';
import { answered } from './answered';

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  statuses: Set<string>;
}

/** The document's operations, each with the pattern of the paths it answers. */
async function operations(): Promise<Operation[]> {
  const res = await SELF.fetch('http://api.test/openapi.json');
  const doc = (await res.json()) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  return Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      template,
      // A parameter is one path segment, as Hono's router matches it.
      pattern: new RegExp(
        `^${template
          .split(/\{[^}]+\}/)
          .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
          .join('[^/]+')}$`,
      ),
      statuses: new Set(Object.keys(op.responses)),
    })),
  );
}

afterAll(async () => {
  const seen = answered().splice(0);
  if (seen.length === 0) return;
  const ops = await operations();
  const undocumented = new Map<string, Set<number>>();
  for (const { method, path, status } of seen) {
    const op = ops.find((o) => o.method === method && o.pattern.test(path));
    if (!op || op.statuses.has(String(status))) continue;
    const key = `${op.method} ${op.template}`;
    undocumented.set(key, (undocumented.get(key) ?? new Set()).add(status));
  }
  const found = [...undocumented].map(([op, statuses]) => `${op}: ${[...statuses].join(', ')}`);
  expect(found, 'statuses answered but not among the operation’s documented responses').toEqual([]);
});
