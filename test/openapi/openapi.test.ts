import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { PROBLEMS, problemTypeUri, type ProblemKind } from '../../src/http/problem-types';
import { app, getDoc, isKeyed, operations, OPEN_TAGS, type Doc } from './document';

/** Every node of the document below `node`, with its JSON Pointer. */
function* nodes(node: unknown, pointer = ''): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* nodes(item, `${pointer}/${i}`);
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    yield [pointer, record];
    for (const [key, value] of Object.entries(record)) yield* nodes(value, `${pointer}/${key}`);
  }
}

const schemaNamed = (doc: Doc, name: string) => {
  const schema = doc.components.schemas[name];
  if (!schema) throw new Error(`No schema ${name}`);
  return schema as { properties: Record<string, Record<string, unknown>>; required?: string[] };
};

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
      .filter(
        (r) => r.method !== 'ALL' && !['/openapi.json', '/docs', '/docs/start.js'].includes(r.path),
      )
      // The clerk desk is HTML for browsers, not part of the API contract.
      .filter((r) => !r.path.startsWith('/desk'))
      .map((r) => `${r.method} ${r.path}`);
    for (const route of served) expect(documented, route).toContain(route);
  });

  it('puts every keyed operation behind the API key, names the role, and says `security: []` on the open ones', async () => {
    const doc = await getDoc();
    for (const { path, method, op } of operations(doc)) {
      const where = `${method} ${path}`;
      if (isKeyed(op)) {
        expect(path, where).toMatch(/^\/v1\//);
        expect(op.security, where).toEqual([{ apiKey: [] }]);
        expect(op.description, where).toMatch(/^Who may call: a \*\*(shop|clerk)\*\* key/);
      } else {
        expect(op.security, where).toEqual([]);
      }
    }
    const scheme = doc.components.securitySchemes.apiKey?.description ?? '';
    expect(scheme).toContain('**shop** key');
    expect(scheme).toContain('**clerk** key');
  });

  it('tags every operation with one described tag', async () => {
    const doc = await getDoc();
    const tags = doc.tags?.map((t) => t.name) ?? [];
    expect(tags).toEqual(
      expect.arrayContaining([...OPEN_TAGS, 'claims', 'shop', 'shipments', 'analytics']),
    );
    for (const tag of doc.tags ?? []) expect(tag.description, tag.name).toBeTruthy();
    for (const { path, method, op } of operations(doc)) {
      expect(op.tags, `${method} ${path}`).toHaveLength(1);
      expect(tags, `${method} ${path}`).toContain(op.tags?.[0]);
    }
  });

  it('gives every body an example, every operation an id and a success example', async () => {
    const doc = await getDoc();
    for (const { path, method, op } of operations(doc)) {
      const body = op.requestBody?.content['application/json'];
      if (body) {
        const ref = String(body.schema?.$ref ?? '')
          .split('/')
          .pop();
        expect(
          body.example ?? doc.components.schemas[ref ?? '']?.example,
          `${method} ${path}`,
        ).toBeDefined();
      }
      expect(op.operationId, `${method} ${path}`).toBeTruthy();
      const ok = op.responses['200'] ?? op.responses['201'] ?? op.responses['202'];
      // A file download answers with the file's bytes, which have no JSON example (a CSV export shows its text).
      if (path.endsWith('/file') && method === 'get') continue;
      if (path.endsWith('.csv') && method === 'get') {
        expect(ok?.content?.['text/csv']?.example, `${method} ${path}`).toBeDefined();
        continue;
      }
      // A 204 (a DELETE, a revocation) has no body to show.
      if (ok === undefined && op.responses['204'] !== undefined) continue;
      expect(ok?.content?.['application/json']?.example, `${method} ${path}`).toBeDefined();
    }
  });

  it('documents the headers each answer is sent with', async () => {
    const doc = await getDoc();
    const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
    for (const { path, method, op } of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        const where = `${method} ${path} ${status}`;
        const headers = response.headers ?? {};
        expect(headers['X-Request-Id'], where).toEqual(ref('X-Request-Id'));
        if (status === '401')
          expect(headers['WWW-Authenticate'], where).toEqual(ref('WWW-Authenticate'));
        if (status === '503') expect(headers['Retry-After'], where).toEqual(ref('Retry-After'));
        // An evidence file's ETag is its SHA-256, documented with its routes.
        const fileAnswer = path.endsWith('/file');
        // A remedy has no version to send back as If-Match: its answers are conditioned on its status.
        // Nor has an internal note: written once, never changed.
        // Nor have a shop's carrier credentials (a PUT replaces whatever is kept), nor a carrier
        // hook (made, then only revoked).
        const remedyAnswer =
          path.startsWith('/v1/claims/{id}/remedies') ||
          path.startsWith('/v1/claims/{id}/notes') ||
          path.startsWith('/v1/carrier-accounts/') ||
          path.startsWith('/v1/carrier-hooks');
        const claimAnswer =
          path.startsWith('/v1/claims/{id}') &&
          !remedyAnswer &&
          !/\/(history|messages|sent|files)$/.test(path);
        if (fileAnswer && (status === '200' || status === '201')) {
          expect(headers.ETag, where).toEqual(
            expect.objectContaining({ schema: expect.anything() }),
          );
        } else if (
          (status === '200' && (claimAnswer || path === '/v1/shop')) ||
          (status === '201' && !remedyAnswer)
        ) {
          expect(headers.ETag, where).toEqual(ref('ETag'));
        }
      }
    }
    const filed = doc.paths['/v1/claims']?.post?.responses['201']?.headers ?? {};
    expect(Object.keys(filed).sort()).toEqual(
      ['ETag', 'Idempotent-Replayed', 'Location', 'X-Request-Id'].sort(),
    );
    for (const { path, method, op } of operations(doc)) {
      // Open operations touch no storage, but readiness and a carrier's call (its hook) do.
      if (!isKeyed(op) && path !== '/ready' && !path.startsWith('/v1/carrier-hooks/cdek/')) {
        expect(op.responses['503'], `${method} ${path}`).toBeUndefined();
      }
    }
  });

  it('types every problem: `type` from the registry, and the members 409, 412 and 422 carry', async () => {
    const doc = await getDoc();
    const uris = (status?: number) =>
      (Object.keys(PROBLEMS) as ProblemKind[])
        .filter((kind) => status === undefined || PROBLEMS[kind].status === status)
        .map(problemTypeUri);
    const typeEnum = (name: string) => schemaNamed(doc, name).properties.type?.enum;
    expect(typeEnum('Problem')).toEqual(uris());
    expect(typeEnum('ProblemType')).toEqual(uris());
    expect(typeEnum('ValidationProblem')).toEqual(uris(422));
    expect(typeEnum('PreconditionFailedProblem')).toEqual(uris(412));
    expect([
      ...(typeEnum('InvalidTransitionProblem') as string[]),
      ...(typeEnum('ClaimChangedProblem') as string[]),
      ...(typeEnum('OrderChangedProblem') as string[]),
      ...(typeEnum('ShopChangedProblem') as string[]),
      ...(typeEnum('ClaimExistsProblem') as string[]),
      ...(typeEnum('RemedySettledProblem') as string[]),
      ...(typeEnum('ClaimCancelledProblem') as string[]),
      ...(typeEnum('FileExistsProblem') as string[]),
      ...(typeEnum('WebhookEndpointDisabledProblem') as string[]),
      ...(typeEnum('AuditNotCompletedProblem') as string[]),
      ...(typeEnum('ShopProfileRequiredProblem') as string[]),
    ]).toEqual(uris(409));
    expect(schemaNamed(doc, 'ClaimExistsProblem').required).toContain('existingClaimId');
    expect(schemaNamed(doc, 'InvalidTransitionProblem').required).toEqual(
      expect.arrayContaining(['currentStatus', 'attempted']),
    );
    expect(schemaNamed(doc, 'PreconditionFailedProblem').required).toContain('currentVersion');
    expect(schemaNamed(doc, 'ValidationProblem').properties.errors).toBeDefined();
    expect(schemaNamed(doc, 'FieldError').properties.code).toEqual(
      expect.objectContaining({ type: 'string' }),
    );

    const problemRef = (status: string) => {
      const review = doc.paths['/v1/claims/{id}/review']?.post?.responses[status];
      return review?.content?.['application/problem+json']?.schema;
    };
    expect(problemRef('409')).toEqual(
      expect.objectContaining({
        oneOf: [
          { $ref: '#/components/schemas/InvalidTransitionProblem' },
          { $ref: '#/components/schemas/ClaimChangedProblem' },
        ],
      }),
    );
    expect(problemRef('412')).toEqual({
      $ref: '#/components/schemas/PreconditionFailedProblem',
    });
    expect(problemRef('422')).toEqual({ $ref: '#/components/schemas/ValidationProblem' });
  });

  it('writes every nullable as `anyOf [X, null]`', async () => {
    const doc = await getDoc();
    let nullables = 0;
    for (const [pointer, node] of nodes({ paths: doc.paths, components: doc.components })) {
      expect(node.nullable, pointer).toBeUndefined();
      if (Array.isArray(node.type)) expect(node.type, pointer).not.toContain('null');
      if (node.type === 'null') {
        expect(pointer, 'a null outside anyOf').toMatch(/\/anyOf\/\d+$/);
        nullables += 1;
      }
    }
    expect(nullables).toBeGreaterThanOrEqual(5);
    expect(schemaNamed(doc, 'LateResult').properties.cap).toEqual({
      anyOf: [{ $ref: '#/components/schemas/Money' }, { type: 'null' }],
    });
  });

  it('describes requests by what zod accepts and answers by what it gives', async () => {
    const doc = await getDoc();
    // A default in a request schema reads as "always present" to client generators.
    const requestSchemas = ['FileClaim', 'LateShipment', 'LostShipment', 'DamagedShipment'];
    for (const name of requestSchemas) {
      for (const [pointer, node] of nodes(doc.components.schemas[name])) {
        expect(node.default, `${name}${pointer}`).toBeUndefined();
      }
    }
    const filing = doc.components.schemas.FileClaim as { oneOf: { required: string[] }[] };
    for (const variant of filing.oneOf) expect(variant.required).not.toContain('evidence');
    // A claim always has its evidence list; each type its own shipment and result.
    const shapes = { late: 'LateClaim', lost: 'LostClaim', damaged: 'DamagedClaim' } as const;
    for (const [type, name] of Object.entries(shapes)) {
      const claim = schemaNamed(doc, name);
      expect(claim.required).toContain('evidence');
      expect(claim.properties.type).toEqual({ type: 'string', enum: [type] });
    }
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    expect(schemaNamed(doc, 'LateClaim').properties.shipment).toEqual(ref('LateShipment'));
    expect(schemaNamed(doc, 'LateClaim').properties.compensation).toEqual(ref('LateResult'));
    expect(schemaNamed(doc, 'LostClaim').properties.shipment).toEqual(ref('LostShipment'));
    expect(schemaNamed(doc, 'LostClaim').properties.compensation).toEqual(ref('LossResult'));
    expect(schemaNamed(doc, 'DamagedClaim').properties.shipment).toEqual(ref('DamagedShipment'));
    expect(schemaNamed(doc, 'DamagedClaim').properties.compensation).toEqual(ref('LossResult'));
    expect(schemaNamed(doc, 'Package').properties.lengthCm).toEqual(
      expect.objectContaining({ anyOf: [{ type: 'string' }, { type: 'number' }] }),
    );
  });

  it.each([
    ['Claim', ''],
    ['ClaimSummary', 'Summary'],
  ])('discriminates %s by `type`, one component per claim type', async (name, suffix) => {
    const doc = await getDoc();
    const variants = ['Late', 'Lost', 'Damaged'].map(
      (t) => `#/components/schemas/${t}Claim${suffix}`,
    );
    expect(doc.components.schemas[name]).toMatchObject({
      oneOf: variants.map(($ref) => ({ $ref })),
      discriminator: {
        propertyName: 'type',
        mapping: { late: variants[0], lost: variants[1], damaged: variants[2] },
      },
    });
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
