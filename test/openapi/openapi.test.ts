import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createDynamoStorage } from '../../src/storage/dynamodb';

const app = createApp(
  {
    clock: () => new Date('2025-06-01T12:00:00Z'),
    maxBodyBytes: 65_536,
    storage: createDynamoStorage({
      endpoint: 'http://127.0.0.1:9',
      region: 'local',
      tableName: 'unused',
    }),
    newId: () => 'clm_unused',
  },
  {
    log: () => undefined,
  },
);

interface Operation {
  operationId?: string;
  requestBody?: { content: Record<string, { schema: unknown; example?: unknown }> };
  responses: Record<
    string,
    {
      content?: Record<
        string,
        { example?: unknown; schema?: { $ref?: string; example?: unknown } }
      >;
    }
  >;
}
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

const getDoc = async () => (await (await app.request('/openapi.json')).json()) as Doc;
const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(await getDoc());
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route the app serves', async () => {
    const doc = await getDoc();
    const documented = new Set(
      operations(doc).map(
        ({ path, method }) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && !['/openapi.json', '/docs'].includes(r.path))
      // The clerk desk is HTML for browsers, not part of the API contract.
      .filter((r) => !r.path.startsWith('/desk'))
      .map((r) => `${r.method} ${r.path}`);
    for (const route of served) expect(documented, route).toContain(route);
  });

  it('puts every claims operation behind the API key and gives every body an example', async () => {
    const doc = (await getDoc()) as Doc & {
      components: { schemas: Record<string, { example?: unknown }> };
    };
    for (const { path, method, op } of operations(doc)) {
      const withSecurity = op as Operation & { security?: unknown[] };
      if (path.startsWith('/v1/claims'))
        expect(withSecurity.security, `${method} ${path}`).toHaveLength(1);
      const body = op.requestBody?.content['application/json'];
      if (!body) continue;
      const ref = (body.schema as { $ref?: string }).$ref?.split('/').pop() ?? '';
      expect(
        body.example ?? doc.components.schemas[ref]?.example,
        `${method} ${path}`,
      ).toBeDefined();
    }
  });

  it('gives every operation an id and a success example', async () => {
    for (const { path, method, op } of operations(await getDoc())) {
      expect(op.operationId, `${method} ${path}`).toBeTruthy();
      const ok = op.responses['200'] ?? op.responses['201'];
      expect(ok?.content?.['application/json']?.example, `${method} ${path}`).toBeDefined();
    }
  });
});

describe('the route table', () => {
  it('suits Hono’s RegExpRouter (no fixed word beside a parameter at one level)', async () => {
    // A route like /desk/claims/new next to /desk/claims/:id sends every request,
    // API included, through the slower TrieRouter.
    await app.request('/health');
    expect(app.router.name).toBe('SmartRouter + RegExpRouter');
  });
});
