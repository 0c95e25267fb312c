/**
 * Every error answer in the document shows an example of its own (issue 21: `/docs` showed a
 * 404 with `additionalProp1–3` for every generic status): for every operation and every
 * 4xx/5xx response, each example is a problem of that status, valid against the response's
 * schema, and no problem schema is open to members it does not declare.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { statusExamples } from '../../src/schemas/problem-status.examples';
import { app, getDoc, operations, type MediaType } from './document';

const DOC_ID = 'https://parcel-claims.invalid/openapi.json';
const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The examples of a media type: its `example`, or each of its named `examples`. */
const examplesOf = (media: MediaType & { examples?: Record<string, { value?: unknown }> }) => [
  ...(media.example === undefined ? [] : [media.example]),
  ...Object.values(media.examples ?? {}).map((named) => named.value),
];

describe('the error answers of the OpenAPI document', () => {
  it('each show examples of their own status, valid against their schema', async () => {
    const doc = await getDoc();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ ...doc, $id: DOC_ID });
    const wrong: string[] = [];
    let checked = 0;
    for (const { path, method, op } of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        for (const [type, media] of Object.entries(response.content ?? {})) {
          const where = `${method.toUpperCase()} ${path} ${status}`;
          const examples = examplesOf(media);
          if (examples.length === 0) wrong.push(`${where}: no example`);
          const pointer = `/paths/${escape(path)}/${method}/responses/${status}/content/${escape(type)}/schema`;
          const validate = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
          for (const example of examples) {
            checked += 1;
            const shown = (example as { status?: unknown }).status;
            if (shown !== Number(status)) wrong.push(`${where}: an example of ${String(shown)}`);
            if (!validate(example)) wrong.push(`${where}: ${ajv.errorsText(validate.errors)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(300);
    // The whole document compiled: seconds when the machine is busy.
  }, 30_000);

  it('are typed by closed schemas: no member a problem does not declare (no additionalProp1)', async () => {
    const doc = await getDoc();
    const problems = Object.entries(doc.components.schemas).filter(([name]) =>
      name.endsWith('Problem'),
    );
    expect(problems.length).toBeGreaterThanOrEqual(10);
    for (const [name, schema] of problems) {
      expect(schema.additionalProperties, name).toBeUndefined();
      expect(Object.keys(schema.properties as object).slice(0, 5), name).toEqual([
        'type',
        'title',
        'status',
        'detail',
        'instance',
      ]);
    }
  });

  it.each([
    [400, { 'content-type': 'application/json' }, '{"carrier":'],
    [413, { 'content-type': 'application/json' }, `"${'x'.repeat(70_000)}"`],
    [415, { 'content-type': 'text/plain' }, 'carrier=cdek'],
  ] as const)('shows for %i the answer the API gives', async (status, headers, body) => {
    const response = await app.request('/v1/weight', { method: 'POST', headers, body });
    expect(response.status).toBe(status);
    const { instance: _instance, ...answer } = (await response.json()) as Record<string, unknown>;
    const { instance: _shown, ...example } = statusExamples[status] ?? {};
    expect(example).toEqual(answer);
  });

  it('shows for 401 the answer the API gives', async () => {
    const response = await app.request('/v1/claims');
    expect(response.status).toBe(401);
    const { instance: _instance, ...answer } = (await response.json()) as Record<string, unknown>;
    const { instance: _shown, ...example } = statusExamples[401] ?? {};
    expect(example).toEqual(answer);
  });
});
