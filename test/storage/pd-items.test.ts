/**
 * Issue 25's item kinds at their worst: the longest shop id (64 characters outside the Basic
 * Multilingual Plane, 12 bytes each once encoded into a key), the longest order id, a clerk's
 * key: each item stays a few KB at most, far below DynamoDB's 400 KB, whatever an act erases
 * (its records are items of their own, one per record; its extract one item per line).
 */
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ERASURE_METHOD, type ErasureAct } from '../../src/domain/personal-data';
import { freshStorage } from './helpers';

const SHOP = '𝕏'.repeat(64);
const ORDER = `O${'9'.repeat(63)}`;
const REF = 'f'.repeat(16);

function attributeBytes(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return value.N.length;
  if (value.B !== undefined) return value.B.byteLength;
  return 1;
}
const itemBytes = (item: Record<string, AttributeValue>) =>
  Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + attributeBytes(v), 0);

describe('personal-data items at their worst', () => {
  it('stay under 4 KB each, and every kind is written', async () => {
    const storage = await freshStorage();
    const record = { kind: 'order', id: ORDER } as const;
    const act: ErasureAct = {
      id: `pde_${'a'.repeat(32)}`,
      shopId: SHOP,
      subjectRef: REF,
      subjectRefs: [REF, 'e'.repeat(16), 'd'.repeat(16)],
      categories: ['name', 'phone', 'email', 'customer_text'],
      records: [],
      startedAt: '2026-12-07T14:00:00.000Z',
      status: 'running',
      method: ERASURE_METHOD,
      instruction: { kind: 'request', keyId: 'k'.repeat(64), role: 'clerk' },
    };
    await storage.personalData.indexRecord(SHOP, [REF], record);
    await storage.personalData.begin(act);
    await storage.personalData.log(SHOP, act.id, [
      {
        at: act.startedAt,
        action: 'webhook_event_overwritten',
        record: { kind: 'webhook_event', id: `evt_${'b'.repeat(60)}` },
        actor: `clerk:${'k'.repeat(64)}`,
      },
    ]);
    await storage.personalData.complete({
      ...act,
      records: [record, { kind: 'message', id: `S${'1'.repeat(63)}/${'m'.repeat(64)}` }],
      status: 'completed',
      completedAt: act.startedAt,
    });
    await storage.personalData.indexRecord(SHOP, [REF], record);
    await storage.personalData.begin({ ...act, id: `pde_${'c'.repeat(32)}` });
    await storage.personalData.scheduleRetention({ shopId: SHOP, record, dueDay: '2029-12-07' });
    const items = (await storage.client.send(new ScanCommand({ TableName: storage.tableName })))
      .Items!;
    const sizes = new Map(items.map((item) => [item.entity?.S, itemBytes(item)]));
    expect([...sizes.keys()].sort()).toEqual([
      'PD_ERASING',
      'PD_ERASURE',
      'PD_ERASURE_RECORD',
      'PD_ERASURE_STEP',
      'PD_RETENTION',
      'PD_SUBJECT',
    ]);
    for (const [kind, bytes] of sizes) expect(bytes, kind).toBeLessThan(4096);
  });
});
