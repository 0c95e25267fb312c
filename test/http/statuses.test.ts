/**
 * The spec documents every status an operation can return (issue 19). Every operation of
 * the OpenAPI document is sent what any client may send it: no key, a key that is no key,
 * the other role's key, no body, a body that is not JSON, JSON that does not parse, a body
 * over the limit, its documented example, and path parameters that name nothing or are
 * not ids at all. What each answers is recorded by the Worker under test and held against
 * the operation's documented `responses` after the file (statuses.setup.ts), as every other
 * HTTP test file's answers are. Here it is also checked that the drill reached every
 * operation, and that the generic answers (401, 403, 413, 415, 400) came back where due.
 */
import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { answered } from './answered';
import { fileOk, seedKey, seedShop, seedTestKey } from './claims-helpers';

interface Operation {
  method: string;
  template: string;
  keyed: boolean;
  role: 'shop' | 'clerk' | 'both' | undefined;
  example: unknown;
  json: boolean;
}

let ops: Operation[] = [];
const keys: Record<'shop' | 'clerk' | 'test', Record<string, string>> = {
  shop: {},
  clerk: {},
  test: {},
};
let claimId = '';

/** The document's operations, with who may call them and the body they take. */
async function operations(): Promise<Operation[]> {
  const res = await SELF.fetch('http://api.test/openapi.json');
  const doc = (await res.json()) as {
    paths: Record<
      string,
      Record<
        string,
        {
          security?: unknown[];
          description?: string;
          requestBody?: { content: Record<string, { example?: unknown }> };
        }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      // "Who may call: a **shop** key (…) or a **clerk** key …": the first sentence names them.
      const who = /^Who may call: (.*?)\.(?: |$)/.exec(op.description ?? '')?.[1] ?? '';
      const shop = who.includes('**shop**');
      const clerk = who.includes('**clerk**');
      const json = op.requestBody?.content['application/json'];
      return {
        method: method.toUpperCase(),
        template,
        keyed: (op.security ?? []).length > 0,
        role: shop && clerk ? 'both' : shop ? 'shop' : clerk ? 'clerk' : undefined,
        example: json?.example,
        json: json !== undefined,
      };
    }),
  );
}

/** A path of the template: each parameter a value that may exist, or one that cannot. */
function pathOf(template: string, kind: 'plausible' | 'nothing' | 'garbage'): string {
  const plausible: Record<string, string> = {
    id: template.startsWith('/v1/policies')
      ? 'cdek'
      : template.startsWith('/v1/audits/')
        ? `aud_${'0'.repeat(32)}`
        : template.startsWith('/v1/personal-data/erasures/')
          ? `pde_${'0'.repeat(32)}`
          : claimId,
    remedyId: 'rm_1',
    evidenceId: 'ev_1',
    messageId: 'ack',
    shipmentId: 'S-NONE',
    orderId: 'O-NONE',
    country: 'ru',
    year: '2025',
    slug: 'not-found',
  };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (kind === 'garbage') return encodeURIComponent('%zz <>');
    if (kind === 'nothing') return name === 'year' ? '1900' : `nothing-${name}`;
    return plausible[name] ?? 'x';
  });
}

async function send(
  op: Operation,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<number> {
  const res = await SELF.fetch(`http://api.test${path}`, {
    method: op.method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  await res.arrayBuffer();
  return res.status;
}

const BOGUS = { authorization: 'Bearer pca_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
const OVER_LIMIT = JSON.stringify({ pad: 'x'.repeat(70_000) });
const takesBody = (op: Operation) => op.method !== 'GET' && op.method !== 'HEAD';
/**
 * An evidence file's upload takes raw bytes with rules of its own (its tests send them); so
 * does a carrier's call, whose token is checked first (a bare 404 here, where it names no
 * live hook: test/http/carrier-hooks.test.ts sends a live one its 400 and 413), and an audit's
 * upload, a CSV of up to 50 MB (test/http/audits.test.ts sends it its 400, 413 and 415).
 */
const rawBody = (op: Operation) =>
  (op.method === 'PUT' && op.template.endsWith('/file')) ||
  op.template.startsWith('/v1/carrier-hooks/cdek/') ||
  (op.method === 'POST' && op.template === '/v1/audits');

beforeAll(async () => {
  const shop = await seedShop();
  keys.shop = shop.auth;
  keys.clerk = (await seedKey('clerk')).auth;
  // The sandbox's operations take a test key (a live shop key is their 403).
  keys.test = (await seedTestKey(`shop-${crypto.randomUUID().slice(0, 8)}`)).auth;
  claimId = (await fileOk(shop.auth)).id;
  ops = await operations();
});

describe('every operation, sent what any client may send it', () => {
  it('answers only statuses its responses document (checked after the file)', async () => {
    expect(ops.length).toBeGreaterThan(30);
    const before = answered().length;
    for (const op of ops) {
      const path = pathOf(op.template, 'plausible');
      const sandbox = op.template.startsWith('/v1/test/');
      const callers = op.keyed
        ? op.role === 'both'
          ? [keys.shop, keys.clerk]
          : [sandbox ? keys.test : keys[op.role ?? 'shop']]
        : [{}];
      if (op.keyed) {
        expect
          .soft(await send(op, path, {}), `${op.method} ${op.template} without a key`)
          .toBe(401);
        expect.soft(await send(op, path, BOGUS), `${op.method} ${op.template} bogus key`).toBe(401);
        if (op.role === 'shop' || op.role === 'clerk') {
          const other = op.role === 'shop' ? keys.clerk : keys.shop;
          expect
            .soft(await send(op, path, other), `${op.method} ${op.template} other role`)
            .toBe(403);
        }
      }
      for (const auth of callers) {
        const json = { ...auth, 'content-type': 'application/json' };
        await send(op, path, auth);
        for (const kind of ['nothing', 'garbage'] as const) {
          if (op.template.includes('{')) await send(op, pathOf(op.template, kind), auth);
        }
        if (op.example !== undefined) await send(op, path, json, JSON.stringify(op.example));
        if (!takesBody(op) || rawBody(op)) continue;
        const where = `${op.method} ${op.template}`;
        expect.soft(await send(op, path, json, OVER_LIMIT), `${where} over the limit`).toBe(413);
        // A body must be JSON where a method carries one (a DELETE's is ignored).
        if (op.method === 'DELETE') continue;
        const text = { ...auth, 'content-type': 'text/plain' };
        expect.soft(await send(op, path, text, 'hello'), `${where} not JSON`).toBe(415);
        if (op.json) {
          const broken = await send(op, path, json, '{"a":');
          expect.soft(broken, `${where} JSON that does not parse`).toBe(400);
        }
      }
    }
    // Every operation was reached, and its answers recorded for the check.
    const reached = new Set(
      answered()
        .slice(before)
        .map((a) => `${a.method} ${a.path}`),
    );
    for (const op of ops) {
      expect
        .soft(reached, `${op.method} ${op.template}`)
        .toContain(`${op.method} ${pathOf(op.template, 'plausible')}`);
    }
  }, 120_000);
});
