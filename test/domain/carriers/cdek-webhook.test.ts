/**
 * CDEK's webhook payloads read into notices: the local day of a `+0700` time, one event id for
 * one report however its time is written, return legs, reschedules, delivery problems, what
 * is ignored and what is unreadable, CDEK's documented payloads (test/fixtures/cdek), and a
 * reader that never throws (CDEK never resends: a throw would lose the report).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCdekWebhook, sandboxWebhook, type CdekReading } from '../../../src/carriers/cdek';
import { parseInstant } from '../../../src/domain/shipment';
import { ShipmentEventSchema } from '../../../src/schemas/shipment.schema';

const FIXTURES = path.resolve(__dirname, '../../fixtures/cdek');
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));
const hook = { source: 'cdek_hook' } as const;
const UUID = '72753031-1820-4f99-9240-aab139f05ca5';

function notices(reading: CdekReading) {
  if (reading.kind !== 'notices') throw new Error(JSON.stringify(reading));
  return reading.notices;
}

function status(attributes: Record<string, unknown>) {
  const base = { cdek_number: '1106207236', code: 'DELIVERED' };
  return {
    type: 'ORDER_STATUS',
    date_time: '2026-03-03T12:00:00+0300',
    uuid: UUID,
    attributes: { ...base, ...attributes },
  };
}

describe('ORDER_STATUS', () => {
  it('reads CDEK’s transit status at 01:30 +0700 as that local day, though UTC is a day behind', () => {
    const [notice] = notices(readCdekWebhook(fixture('order-status-in-transit.json'), hook));
    expect(notice).toEqual({
      carrier: 'cdek',
      waybill: '1106207236',
      orderNumber: 'O-1001',
      carrierOrderId: UUID,
      event: {
        eventId: `cdek:${UUID}:SENT_TO_TRANSIT_CITY:2026-03-02T18:30:00.000Z`,
        status: 'in_transit',
        at: '2026-03-03T01:30:00+07:00',
        source: 'cdek_hook',
        carrierStatus: { code: 'SENT_TO_TRANSIT_CITY', name: 'Отправлен в г. транзит' },
      },
    });
    expect(parseInstant(notice!.event.at, '/at').date).toBe('2026-03-03');
    expect(new Date(parseInstant(notice!.event.at, '/at').ms).toISOString()).toMatch(/^2026-03-02/);
  });

  it.each([
    ['2026-03-03T01:30:00+0700', '2026-03-03T01:30:00+07:00'],
    ['2026-03-03T01:30:00+07:00', '2026-03-03T01:30:00+07:00'],
    ['2026-03-03T01:30:00+07', '2026-03-03T01:30:00+07:00'],
    ['2026-03-02T18:30:00+0000', '2026-03-02T18:30:00+00:00'],
    ['2026-03-02T18:30:00Z', '2026-03-02T18:30:00Z'],
    ['2026-03-02T18:30:00.000Z', '2026-03-02T18:30:00.000Z'],
    ['2026-03-02T15:30:00-0300', '2026-03-02T15:30:00-03:00'],
  ])('writes %s as %s, with one event id for them all', (written, at) => {
    const [notice] = notices(readCdekWebhook(status({ status_date_time: written }), hook));
    expect(notice?.event.at).toBe(at);
    expect(notice?.event.eventId).toBe(`cdek:${UUID}:DELIVERED:2026-03-02T18:30:00.000Z`);
  });

  it('takes the payload’s date_time when the status has no readable time, and ignores a report with neither', () => {
    const [notice] = notices(
      readCdekWebhook(status({ status_date_time: '03.03.2026 10:00' }), hook),
    );
    expect(notice?.event.at).toBe('2026-03-03T12:00:00+03:00');
    const timeless = { ...status({ status_date_time: '2026-03-03T10:00:00' }), date_time: null };
    expect(readCdekWebhook(timeless, hook)).toMatchObject({
      kind: 'ignored',
      type: 'ORDER_STATUS',
    });
  });

  it.each(['is_return', 'is_reverse', 'is_client_return'])(
    'keeps a status of a return leg (%s) as a carrier status: it is not the delivery',
    (flag) => {
      const [notice] = notices(readCdekWebhook(status({ [flag]: true }), hook));
      expect(notice?.event).toMatchObject({
        status: 'carrier_status',
        carrierStatus: { code: 'DELIVERED', name: 'Вручен' },
      });
    },
  );

  it('reads CDEK’s return-leg payload as a carrier status of the return’s own number', () => {
    const [notice] = notices(readCdekWebhook(fixture('order-status-return.json'), hook));
    expect(notice).toMatchObject({
      waybill: '1106209981',
      event: { status: 'carrier_status', carrierStatus: { code: 'ACCEPTED_AT_PICK_UP_POINT' } },
    });
  });

  it('keeps an unknown code with the code as given', () => {
    const [notice] = notices(readCdekWebhook(fixture('order-status-unknown-code.json'), hook));
    expect(notice?.event).toMatchObject({
      status: 'carrier_status',
      carrierStatus: { code: 'STORAGE_PERIOD_EXTENDED' },
    });
    expect(notice?.event.carrierStatus).not.toHaveProperty('name');
  });

  it('matches by the order number alone when CDEK gives no cdek_number', () => {
    const body = status({ cdek_number: undefined, number: 'O-1001' });
    expect(notices(readCdekWebhook(body, hook))[0]).not.toHaveProperty('waybill');
    expect(notices(readCdekWebhook(body, hook))[0]?.orderNumber).toBe('O-1001');
  });

  it('reads a number-typed cdek_number as its digits', () => {
    const body = status({ cdek_number: 1106207236 });
    expect(notices(readCdekWebhook(body, hook))[0]?.waybill).toBe('1106207236');
  });
});

describe('ORDER_MODIFIED', () => {
  const modified = (attributes: Record<string, unknown>) => ({
    type: 'ORDER_MODIFIED',
    date_time: '2026-03-04T10:02:15+0700',
    uuid: UUID,
    attributes: { cdek_number: '1106207236', ...attributes },
  });

  it('reads a new planned delivery date as the carrier’s own reschedule', () => {
    const body = modified({
      modification_type: 'PLANED_DELIVERY_DATE_CHANGED',
      new_value: { type: 'DATE', value: '2026-03-10' },
    });
    expect(notices(readCdekWebhook(body, hook))[0]?.event).toEqual({
      eventId: `cdek:${UUID}:PLANED_DELIVERY_DATE_CHANGED-2026-03-10:2026-03-04T03:02:15.000Z`,
      status: 'rescheduled',
      at: '2026-03-04T10:02:15+07:00',
      promisedDate: '2026-03-10',
      reason: 'courier_late',
      source: 'cdek_hook',
      carrierStatus: {
        code: 'PLANED_DELIVERY_DATE_CHANGED',
        name: 'Изменение плановой даты доставки',
      },
    });
  });

  it('takes the brief form `code` + `date`, and refuses a date that is none', () => {
    const body = modified({ code: 'PLANED_DELIVERY_DATE_CHANGED', date: '2026-03-11' });
    expect(notices(readCdekWebhook(body, hook))[0]?.event).toMatchObject({
      promisedDate: '2026-03-11',
    });
    const bad = modified({
      modification_type: 'PLANED_DELIVERY_DATE_CHANGED',
      new_value: { value: '2026-02-30' },
    });
    expect(readCdekWebhook(bad, hook)).toMatchObject({ kind: 'ignored', type: 'ORDER_MODIFIED' });
  });

  it('keeps another change as a carrier status, even one spelled like a status code', () => {
    for (const change of ['DELIVERY_SUM_CHANGED', 'DELIVERED']) {
      const body = modified({
        modification_type: change,
        new_value: { type: 'FLOAT', value: '1.5' },
      });
      expect(notices(readCdekWebhook(body, hook))[0]?.event).toMatchObject({
        status: 'carrier_status',
        carrierStatus: { code: change },
      });
    }
  });

  it('reads CDEK’s documented payload, which names the order by its uuid only, as a reschedule of that order', () => {
    const [notice, ...rest] = notices(
      readCdekWebhook(fixture('order-modified-planned-date.json'), hook),
    );
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({
      carrierOrderId: '72753031-1820-4f99-9240-aab139f05ca5',
      event: { status: 'rescheduled', promisedDate: '2026-03-10', at: '2026-03-04T10:02:15+07:00' },
    });
    expect(notice).not.toHaveProperty('waybill');
    expect(notice).not.toHaveProperty('orderNumber');
  });
});

describe('DELIV_PROBLEM', () => {
  it('records a problem with CDEK’s text, and an address that does not exist as the cause', () => {
    const [notice] = notices(readCdekWebhook(fixture('deliv-problem.json'), hook));
    expect(notice?.event).toEqual({
      eventId: `cdek:${UUID}:problem-47:2026-03-05T13:40:00.000Z`,
      status: 'problem',
      at: '2026-03-05T16:40:00+03:00',
      source: 'cdek_hook',
      problem: { code: '47', name: 'Адрес не существует' },
      cause: 'wrong_address',
    });
  });

  it('leaves the cause out where none fits, and keeps an unknown code', () => {
    const body = (code: unknown) => ({
      type: 'DELIV_PROBLEM',
      uuid: UUID,
      attributes: { cdek_number: '1106207236', code, create_date: '2026-03-05T16:40:00+0300' },
    });
    expect(notices(readCdekWebhook(body(13), hook))[0]?.event).toEqual(
      expect.not.objectContaining({ cause: expect.anything() }),
    );
    expect(notices(readCdekWebhook(body(13), hook))[0]?.event).toMatchObject({
      problem: { code: '13', name: 'Контактное лицо отсутствует' },
    });
    expect(notices(readCdekWebhook(body('99'), hook))[0]?.event).toMatchObject({
      problem: { code: '99' },
    });
  });
});

describe('what is not a notice', () => {
  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['an array', [{ type: 'ORDER_STATUS' }]],
    ['an object without type', { attributes: {} }],
    ['a numeric type', { type: 7, attributes: {} }],
  ])('is unreadable: %s', (_, body) => {
    expect(readCdekWebhook(body, hook).kind).toBe('unreadable');
  });

  it.each([
    ['another type', fixture('print-form.json'), 'PRINT_FORM'],
    ['no attributes', { type: 'ORDER_STATUS', uuid: UUID }, 'ORDER_STATUS'],
    ['no code', status({ code: undefined }), 'ORDER_STATUS'],
    [
      'no parcel',
      { ...status({ cdek_number: '', number: undefined }), uuid: undefined },
      'ORDER_STATUS',
    ],
    [
      'a waybill over 64 characters',
      { ...status({ cdek_number: '1'.repeat(65) }), uuid: undefined },
      'ORDER_STATUS',
    ],
    ['an unknown type', { type: 'TELEPORTED', attributes: {} }, 'TELEPORTED'],
    [
      'a type named like an object’s own member',
      { type: 'constructor', attributes: {} },
      'constructor',
    ],
    ['__proto__ as the type', { type: '__proto__', attributes: {} }, '__proto__'],
    ['a status CDEK withdrew', status({ deleted: true }), 'ORDER_STATUS'],
  ])('is ignored, with why: %s', (_, body, type) => {
    const reading = readCdekWebhook(body, hook);
    expect(reading).toEqual({ kind: 'ignored', type, why: expect.any(String) });
  });
});

describe('CDEK’s documented payloads (test/fixtures/cdek)', () => {
  const hooks = readdirSync(FIXTURES).filter((name) =>
    /^(order-status|order-modified|deliv|print)/.test(name),
  );

  it.each(hooks)('%s reads without a throw, into events the API’s schema takes', (name) => {
    const reading = readCdekWebhook(fixture(name), hook);
    expect(reading.kind).not.toBe('unreadable');
    for (const notice of reading.kind === 'notices' ? reading.notices : []) {
      expect(ShipmentEventSchema.safeParse(notice.event).success).toBe(true);
    }
  });

  it('reads the shortened spelling in CDEK’s payload as the code it stands for', () => {
    const [notice] = notices(readCdekWebhook(fixture('order-status-truncated-code.json'), hook));
    expect(notice?.event).toMatchObject({
      status: 'handed_to_delivery',
      carrierStatus: { code: 'TAKEN_BY_TRANSPORTER_FROM_SENDER_CITY' },
    });
  });
});

describe('sandboxWebhook', () => {
  it('round-trips through readCdekWebhook as the same event, with the offset kept', () => {
    const payload = sandboxWebhook({
      waybill: '1106207236',
      code: 'ACCEPTED_AT_PICK_UP_POINT',
      at: '2026-03-05T08:10:00+03:00',
      orderNumber: 'O-1001',
    });
    expect(payload.attributes.status_date_time).toBe('2026-03-05T08:10:00+0300');
    const [notice] = notices(readCdekWebhook(payload, { source: 'sandbox' }));
    expect(notice).toMatchObject({
      waybill: '1106207236',
      orderNumber: 'O-1001',
      event: { status: 'awaiting_pickup', at: '2026-03-05T08:10:00+03:00', source: 'sandbox' },
    });
  });

  it('gives the same payload (and event id) for a resend, another for another parcel', () => {
    const input = { waybill: '1106207236', code: 'DELIVERED', at: '2026-03-06T14:05:12Z' };
    const id = (body: unknown) =>
      notices(readCdekWebhook(body, { source: 'sandbox' }))[0]?.event.eventId;
    expect(sandboxWebhook(input)).toEqual(sandboxWebhook(input));
    expect(id(sandboxWebhook(input))).toBe(id(sandboxWebhook(input)));
    expect(id(sandboxWebhook({ ...input, waybill: '1106207237' }))).not.toBe(
      id(sandboxWebhook(input)),
    );
    expect(sandboxWebhook(input).uuid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('refuses an `at` that is no instant, at /at', () => {
    expect(() => sandboxWebhook({ waybill: '1', code: 'DELIVERED', at: '2026-03-06' })).toThrow(
      expect.objectContaining({ code: 'invalid-input', pointer: '/at' }),
    );
  });
});

describe('event ids', () => {
  it('stay within 128 characters, stable and apart, however long the uuid and code', () => {
    const long = (uuid: string, code: string) =>
      notices(readCdekWebhook({ ...status({ code }), uuid }, hook))[0]!.event.eventId;
    const a = long('u'.repeat(100), 'X'.repeat(64));
    expect(a.length).toBeLessThanOrEqual(128);
    expect(long('u'.repeat(100), 'X'.repeat(64))).toBe(a);
    expect(long('u'.repeat(100), `${'X'.repeat(63)}Y`)).not.toBe(a);
  });
});

describe('readCdekWebhook never throws', () => {
  const attributes = fc.record(
    {
      cdek_number: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      number: fc.oneof(fc.string(), fc.constant(undefined)),
      code: fc.oneof(
        fc.constantFrom('DELIVERED', 'SENT_TO_TRANSIT_CIT', '47'),
        fc.string(),
        fc.integer(),
      ),
      status_date_time: fc.oneof(
        fc.string(),
        fc.date().map((d) => (Number.isNaN(d.getTime()) ? '' : d.toISOString())),
      ),
      is_return: fc.oneof(fc.boolean(), fc.string()),
      modification_type: fc.constantFrom('PLANED_DELIVERY_DATE_CHANGED', 'DELIVERY_SUM_CHANGED'),
      new_value: fc.oneof(fc.jsonValue(), fc.record({ value: fc.string() })),
    },
    { requiredKeys: [] },
  );
  const payload = fc.record(
    {
      type: fc.oneof(
        fc.constantFrom('ORDER_STATUS', 'ORDER_MODIFIED', 'DELIV_PROBLEM'),
        fc.jsonValue(),
      ),
      uuid: fc.oneof(fc.uuid(), fc.jsonValue()),
      date_time: fc.oneof(fc.constant('2026-03-03T10:00:00+0300'), fc.jsonValue()),
      attributes: fc.oneof(attributes, fc.jsonValue()),
    },
    { requiredKeys: [] },
  );

  it('for any JSON value, and any CDEK-like payload; every notice it gives fits the schema', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), payload), (body) => {
        const reading = readCdekWebhook(body, hook);
        for (const notice of reading.kind === 'notices' ? reading.notices : []) {
          expect(ShipmentEventSchema.safeParse(notice.event).success).toBe(true);
          expect(notice.waybill ?? notice.orderNumber ?? notice.carrierOrderId).toBeDefined();
        }
      }),
      { numRuns: 2000 },
    );
  });
});
