/**
 * Every example in the document is valid against the schema it illustrates,
 * patterns and formats included: schema and property examples, header
 * examples, parameter examples, and the request and response examples of
 * every media type.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { getDoc, operations, webhookOperations, type Doc } from './document';

const DOC_ID = 'https://parcel-claims.invalid/openapi.json';

/** One example and the schema it must satisfy (a pointer into the document, or inline). */
interface Case {
  where: string;
  example: unknown;
  schema: Record<string, unknown>;
}

const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** Examples inside schemas: the schema at a node with `example` (or `examples`) must accept it. */
function* schemaExamples(node: unknown, pointer: string): Generator<Case> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* schemaExamples(item, `${pointer}/${i}`);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  const schema = { $ref: `${DOC_ID}#${pointer}` };
  if ('example' in record) yield { where: pointer, example: record.example, schema };
  if (Array.isArray(record.examples)) {
    for (const example of record.examples) yield { where: pointer, example, schema };
  }
  for (const [key, value] of Object.entries(record)) {
    // An example is data, not a schema: its keys are not searched.
    if (key === 'example' || key === 'examples') continue;
    yield* schemaExamples(value, `${pointer}/${escape(key)}`);
  }
}

function* cases(doc: Doc): Generator<Case> {
  yield* schemaExamples(doc.components.schemas, '/components/schemas');
  yield* schemaExamples(doc.components.headers, '/components/headers');
  const all = [
    ...operations(doc).map(({ path, method, op }) => ({
      at: `/paths/${escape(path)}`,
      method,
      op,
    })),
    // The webhooks' bodies (each event type's example) and headers likewise.
    ...webhookOperations(doc).map(({ type, method, op }) => ({
      at: `/webhooks/${escape(type)}`,
      method,
      op,
    })),
  ];
  for (const { at: under, method, op } of all) {
    const at = `${under}/${method}`;
    for (const [i, parameter] of (op.parameters ?? []).entries()) {
      if (parameter.example !== undefined && parameter.schema) {
        // By pointer: a parameter's schema may be a `$ref` into the document.
        yield {
          where: `${at}/parameters/${i}`,
          example: parameter.example,
          schema: { $ref: `${DOC_ID}#${at}/parameters/${i}/schema` },
        };
      }
      yield* schemaExamples(parameter.schema, `${at}/parameters/${i}/schema`);
    }
    const media = [
      ...Object.entries(op.requestBody?.content ?? {}).map(
        ([type, m]) => [`${at}/requestBody/content/${escape(type)}`, m] as const,
      ),
      ...Object.entries(op.responses).flatMap(([status, response]) =>
        Object.entries(response.content ?? {}).map(
          ([type, m]) => [`${at}/responses/${status}/content/${escape(type)}`, m] as const,
        ),
      ),
    ];
    for (const [where, m] of media) {
      if (m.example !== undefined && m.schema) {
        yield { where, example: m.example, schema: { $ref: `${DOC_ID}#${where}/schema` } };
      }
      // Named examples (`examples`: request variants, the refusals of an answer) likewise.
      const named = (m as { examples?: Record<string, { value?: unknown }> }).examples ?? {};
      for (const [name, { value }] of Object.entries(named)) {
        if (!m.schema) continue;
        const at = `${where}/examples/${escape(name)}`;
        yield { where: at, example: value, schema: { $ref: `${DOC_ID}#${where}/schema` } };
      }
    }
  }
}

describe('the examples of the OpenAPI document', () => {
  it('are each valid against their schema', async () => {
    const doc = await getDoc();
    // OpenAPI 3.1 schemas are JSON Schema 2020-12; `example` and `discriminator` are its annotations.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ ...doc, $id: DOC_ID });
    const all = [...cases(doc)];
    const invalid = all.flatMap(({ where, example, schema }) => {
      const validate = ajv.compile(schema);
      return validate(example) ? [] : [`${where}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(invalid).toEqual([]);
    // Media-type, property and parameter examples were all found.
    expect(all.filter((c) => c.where.includes('/content/')).length).toBeGreaterThan(10);
    expect(all.filter((c) => c.where.includes('/properties/')).length).toBeGreaterThan(10);
    expect(all.some((c) => c.where.includes('/parameters/'))).toBe(true);
    expect(all.some((c) => c.where.startsWith('/components/headers/'))).toBe(true);
    expect(all.filter((c) => c.where.includes('/examples/')).length).toBeGreaterThan(10);
    // Every webhook's body and headers were held to their schemas.
    const bodies = all.filter((c) => /^\/webhooks\/[^/]+\/post\/requestBody\//.test(c.where));
    expect(bodies).toHaveLength(Object.keys(doc.webhooks ?? {}).length);
    expect(bodies.length).toBeGreaterThan(8);
    expect(all.some((c) => /^\/webhooks\/.*\/parameters\//.test(c.where))).toBe(true);
    // Hundreds of schemas compiled: seconds on a busy machine.
  }, 30_000);

  it('would catch an example that breaks its pattern', async () => {
    const doc = await getDoc();
    const claim = doc.components.schemas.LostClaim as { properties: { id: { example: string } } };
    claim.properties.id.example = 'clm_01JD3Q7W4X5Y6Z7A8B9C0D1E2F';
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    ajv.addSchema({ ...doc, $id: DOC_ID });
    const bad = [...cases(doc)].filter(
      (c) => c.where === '/components/schemas/LostClaim/properties/id',
    );
    expect(bad).toHaveLength(1);
    expect(ajv.compile(bad[0]?.schema ?? {})(bad[0]?.example)).toBe(false);
  });
});
