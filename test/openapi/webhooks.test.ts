/**
 * The document's `webhooks` section: one POST per event type, its body the type's named
 * schema with `data` the resource the API answers, the three Standard Webhooks headers, and
 * the answers a receiver may give. The body the outbox really sends (`payloadOf`) for each
 * type's example event is valid against that schema: `sequence` present exactly when the
 * event has a subject.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { webhookEventExamples } from '../../src/routes/events/events.examples';
import { eventSchemaName } from '../../src/schemas/webhook-event.schema';
import { payloadOf } from '../../src/services/webhook-outbox';
import { WEBHOOK_EVENT_TYPES, type OutboundEvent } from '../../src/webhooks/types';
import { getDoc, webhookOperations, type Doc } from './document';

const DOC_ID = 'https://parcel-claims.invalid/openapi.json';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** What each type's `data` is: the resource as its route answers it. */
const DATA = {
  'claim.filed': 'Claim',
  'claim.status_changed': 'Claim',
  'claim.paid': 'Claim',
  'claim.acknowledgement_overdue': 'Claim',
  'shipment.late': 'ShipmentWithClaims',
  'shipment.delivered': 'ShipmentWithClaims',
  'remedy.answered': 'Remedy',
  'webhook.test': 'WebhookTestData',
  'endpoint.disabled': 'WebhookEndpoint',
} as const;

const validator = (doc: Doc) => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID });
  return (name: string) => ajv.compile({ $ref: `${DOC_ID}#/components/schemas/${name}` });
};

describe('the webhooks of the OpenAPI document', () => {
  it('are one POST per event type, tagged, named, with the signed headers and the receiver’s answers', async () => {
    const doc = await getDoc();
    expect(Object.keys(doc.webhooks ?? {}).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    const ids = new Set<string>();
    for (const { type, method, op } of webhookOperations(doc)) {
      expect(method, type).toBe('post');
      expect(op.tags, type).toEqual(['webhooks']);
      expect(op.operationId, type).toMatch(/^on[A-Z]\w+$/);
      ids.add(op.operationId ?? '');
      expect(op.description, type).toContain('webhook-id');
      const headers = (op.parameters ?? []).filter((p) => p.in === 'header');
      expect(headers.map((p) => p.name).sort(), type).toEqual([
        'webhook-id',
        'webhook-signature',
        'webhook-timestamp',
      ]);
      for (const header of headers) {
        expect(header, `${type} ${header.name}`).toMatchObject({ required: true });
      }
      const body = op.requestBody?.content['application/json'];
      expect(body?.schema, type).toEqual(ref(eventSchemaName(type as keyof typeof DATA)));
      expect(body?.example, type).toBeDefined();
      expect(Object.keys(op.responses).sort(), type).toEqual(['200', '410', 'default']);
      expect(op.responses['410']?.description, type).toMatch(/disabled at once/);
    }
    expect(ids.size).toBe(WEBHOOK_EVENT_TYPES.length);
  });

  it.each(WEBHOOK_EVENT_TYPES)(
    'names %s’s body, with `data` the resource the API answers',
    async (type) => {
      const doc = await getDoc();
      const schema = doc.components.schemas[eventSchemaName(type)] as {
        properties: Record<string, Record<string, unknown>>;
        required: string[];
      };
      expect(schema.properties.data).toEqual(ref(DATA[type]));
      const literal = schema.properties.type;
      expect(literal?.const ?? (literal?.enum as string[] | undefined)?.[0]).toBe(type);
      const members = [
        'type',
        'timestamp',
        ...(type === 'webhook.test' ? [] : ['sequence']),
        'data',
      ];
      expect(Object.keys(schema.properties).sort()).toEqual([...members].sort());
      expect(schema.required.sort()).toEqual([...members].sort());
    },
  );

  it.each(WEBHOOK_EVENT_TYPES)(
    'accepts the bytes the outbox sends for %s, and refuses them without `data` or of another type',
    async (type) => {
      const doc = await getDoc();
      const compile = validator(doc);
      const example = webhookEventExamples[type];
      const event: OutboundEvent = {
        id: `evt_example_${type}`,
        type,
        timestamp: example.timestamp,
        shopId: 'demo-shop',
        // A subject exactly when the example has a sequence (a test has none).
        ...('sequence' in example
          ? { subject: { kind: 'claim' as const, id: 'x', sequence: example.sequence } }
          : {}),
        data: example.data,
      };
      const sent = JSON.parse(payloadOf(event)) as Record<string, unknown>;
      const validate = compile(eventSchemaName(type));
      expect(validate(sent), JSON.stringify(validate.errors)).toBe(true);
      expect(compile('WebhookEvent')(sent)).toBe(true);
      expect(sent).toEqual(example);
      const { data: _data, ...withoutData } = sent;
      expect(validate(withoutData)).toBe(false);
      const other = type === 'claim.paid' ? 'claim.filed' : 'claim.paid';
      expect(validate({ ...sent, type: other })).toBe(false);
    },
  );

  it('lists the recorded events of GET /v1/events as `id` and the body sent, one shape per type', async () => {
    const doc = await getDoc();
    const compile = validator(doc);
    const recorded = compile('RecordedEvent');
    for (const type of WEBHOOK_EVENT_TYPES) {
      const body = webhookEventExamples[type];
      expect(recorded({ id: `evt_${type}`, ...body }), type).toBe(true);
      expect(recorded(body), `${type} without id`).toBe(false);
    }
    const list = doc.paths['/v1/events']?.get;
    expect(list?.responses['200']?.content?.['application/json']?.schema).toEqual(ref('EventList'));
    expect(list?.parameters?.find((p) => p.name === 'since')).toMatchObject({ required: true });
  });
});
