/**
 * CDEK's Appendix 1 against the rule: accepted or created → created; at the sender's
 * warehouse or later in the sender city → handed_to_delivery; transit steps → in_transit; at
 * a pickup point or in a locker → awaiting_pickup; TAKEN_BY_COURIER → with_courier; DELIVERED,
 * POSTOMAT_RECEIVED → delivered; REMOVED → cancelled; NOT_DELIVERED → not_delivered; the rest
 * none of ours. Written out here, apart from the table, so a slip in either shows.
 */
import { describe, expect, it } from 'vitest';
import {
  CDEK_STATUS_CODES,
  cdekCodeSpellings,
  readCdekCode,
  readCdekWebhook,
} from '../../../src/carriers/cdek';
import type { ShipmentStatus } from '../../../src/domain/shipment';

const RULE: Record<string, ShipmentStatus | undefined> = {
  ACCEPTED: 'created',
  CREATED: 'created',
  RECEIVED_AT_SHIPMENT_WAREHOUSE: 'handed_to_delivery',
  READY_FOR_SHIPMENT_IN_SENDER_CITY: 'handed_to_delivery',
  RETURNED_TO_SENDER_CITY_WAREHOUSE: 'handed_to_delivery',
  TAKEN_BY_TRANSPORTER_FROM_SENDER_CITY: 'handed_to_delivery',
  SENT_TO_TRANSIT_CITY: 'in_transit',
  ACCEPTED_IN_TRANSIT_CITY: 'in_transit',
  ACCEPTED_AT_TRANSIT_WAREHOUSE: 'in_transit',
  ENTERED_TO_OFFICE_TRANSIT_WAREHOUSE: 'in_transit',
  RETURNED_TO_TRANSIT_WAREHOUSE: 'in_transit',
  READY_FOR_SHIPMENT_IN_TRANSIT_CITY: 'in_transit',
  TAKEN_BY_TRANSPORTER_FROM_TRANSIT_CITY: 'in_transit',
  SENT_TO_RECIPIENT_CITY: 'in_transit',
  ACCEPTED_IN_RECIPIENT_CITY: 'in_transit',
  ACCEPTED_AT_RECIPIENT_CITY_WAREHOUSE: 'in_transit',
  ENTERED_TO_DELIVERY_WAREHOUSE: 'in_transit',
  ENTERED_TO_WAREHOUSE_ON_DEMAND: 'in_transit',
  RETURNED_TO_RECIPIENT_CITY_WAREHOUSE: 'in_transit',
  SHIPPED_TO_DESTINATION: 'in_transit',
  PASSED_TO_TRANSIT_CARRIER: 'in_transit',
  ACCEPTED_AT_PICK_UP_POINT: 'awaiting_pickup',
  POSTOMAT_POSTED: 'awaiting_pickup',
  TAKEN_BY_COURIER: 'with_courier',
  DELIVERED: 'delivered',
  POSTOMAT_RECEIVED: 'delivered',
  NOT_DELIVERED: 'not_delivered',
  REMOVED: 'cancelled',
  IN_CUSTOMS_INTERNATIONAL: undefined,
  IN_CUSTOMS_LOCAL: undefined,
  CUSTOMS_COMPLETE: undefined,
  POSTOMAT_SEIZED: undefined,
  SENT_TO_SENDER_CITY: undefined,
  ACCEPTED_IN_SENDER_CITY: undefined,
  INVALID: undefined,
};

/** Other spellings (API v1 names, the truncated ones CDEK's typings list) → the current one. */
const SPELLINGS: [string, string][] = [
  ['READY_TO_SHIP_AT_SENDING_OFFICE', 'READY_FOR_SHIPMENT_IN_SENDER_CITY'],
  ['RETURNED_TO_SENDER_WAREHOUSE', 'RETURNED_TO_SENDER_CITY_WAREHOUSE'],
  ['PASSED_TO_CARRIER_AT_SENDING_OFFICE', 'TAKEN_BY_TRANSPORTER_FROM_SENDER_CITY'],
  ['TAKEN_BY_TRANSPORTER_FROM_SENDER_CIT', 'TAKEN_BY_TRANSPORTER_FROM_SENDER_CITY'],
  ['SEND_TO_TRANSIT_OFFICE', 'SENT_TO_TRANSIT_CITY'],
  ['SENT_TO_TRANSIT_CIT', 'SENT_TO_TRANSIT_CITY'],
  ['MET_AT_TRANSIT_OFFICE', 'ACCEPTED_IN_TRANSIT_CITY'],
  ['ACCEPTED_IN_TRANSIT_CIT', 'ACCEPTED_IN_TRANSIT_CITY'],
  ['ACCEPTED_TO_OFFICE_TRANSIT_WAREHOUSE', 'ACCEPTED_AT_TRANSIT_WAREHOUSE'],
  ['ACCEPTED_AT_TRANSIT_WAREHOUS', 'ACCEPTED_AT_TRANSIT_WAREHOUSE'],
  ['READY_TO_SHIP_IN_TRANSIT_OFFICE', 'READY_FOR_SHIPMENT_IN_TRANSIT_CITY'],
  ['PASSED_TO_CARRIER_AT_TRANSIT_OFFICE', 'TAKEN_BY_TRANSPORTER_FROM_TRANSIT_CITY'],
  ['SEND_TO_SENDING_OFFICE', 'SENT_TO_SENDER_CITY'],
  ['SEND_TO_RECIPIENT_OFFICE', 'SENT_TO_RECIPIENT_CITY'],
  ['MET_AT_SENDING_OFFICE', 'ACCEPTED_IN_SENDER_CITY'],
  ['MET_AT_RECIPIENT_OFFICE', 'ACCEPTED_IN_RECIPIENT_CITY'],
  ['ACCEPTED_AT_DELIVERY_WAREHOUSE', 'ACCEPTED_AT_RECIPIENT_CITY_WAREHOUSE'],
  ['ACCEPTED_AT_WAREHOUSE_ON_DEMAND', 'ACCEPTED_AT_PICK_UP_POINT'],
  ['ISSUED_FOR_DELIVERY', 'TAKEN_BY_COURIER'],
  ['RETURNED_TO_DELIVERY_WAREHOUSE', 'RETURNED_TO_RECIPIENT_CITY_WAREHOUSE'],
];

function hook(code: string) {
  return {
    type: 'ORDER_STATUS',
    date_time: '2026-03-03T10:00:00+0300',
    uuid: '72753031-1820-4f99-9240-aab139f05ca5',
    attributes: { cdek_number: '1106207236', code, status_date_time: '2026-03-03T10:00:00+0300' },
  };
}

function eventOf(code: string) {
  const reading = readCdekWebhook(hook(code), { source: 'cdek_hook' });
  if (reading.kind !== 'notices') throw new Error(`${code}: ${JSON.stringify(reading)}`);
  return reading.notices[0]?.event;
}

describe('the Appendix 1 table', () => {
  it('lists every code the rule names, and no other', () => {
    expect(Object.keys(CDEK_STATUS_CODES).sort()).toEqual(Object.keys(RULE).sort());
  });

  it.each(Object.entries(RULE))('%s becomes %s', (code, status) => {
    const event = eventOf(code);
    expect(event?.status).toBe(status ?? 'carrier_status');
    expect(event?.carrierStatus).toEqual({ code, name: expect.any(String) });
  });

  it('names every code in Russian, as CDEK does', () => {
    for (const [code, entry] of Object.entries(CDEK_STATUS_CODES)) {
      expect(entry.name, code).toMatch(/^[А-ЯЁ][а-яё. -]+$/u);
    }
  });

  it.each(SPELLINGS)('reads %s as %s, with its text and status', (spelling, current) => {
    expect(readCdekCode(spelling)).toEqual(readCdekCode(current));
    expect(eventOf(spelling)?.carrierStatus?.code).toBe(current);
    expect(eventOf(spelling)?.eventId).toBe(eventOf(current)?.eventId);
  });

  it('takes each spelling once: no alias is another code or a second alias', () => {
    const spellings = cdekCodeSpellings();
    expect(new Set(spellings).size).toBe(spellings.length);
    expect(spellings).toHaveLength(Object.keys(RULE).length + SPELLINGS.length);
  });

  it('keeps an unknown code as given, as a carrier status that changes nothing', () => {
    expect(readCdekCode('STORAGE_PERIOD_EXTENDED')).toBeUndefined();
    expect(eventOf('STORAGE_PERIOD_EXTENDED')).toMatchObject({
      status: 'carrier_status',
      carrierStatus: { code: 'STORAGE_PERIOD_EXTENDED' },
    });
    expect(eventOf('delivered')).toMatchObject({
      status: 'carrier_status',
      carrierStatus: { code: 'delivered' },
    });
  });
});
