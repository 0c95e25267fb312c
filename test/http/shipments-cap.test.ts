/**
 * The cap on a shipment's events never stops it from ending (issue 19, item 2): past
 * MAX_EVENTS routine events, a final status (delivered, received, cancelled) is still
 * recorded; a routine one is refused naming `/status`; a resend is still a duplicate.
 * Through the Worker, on DynamoDB Local (today is 2025-06-16).
 */
import { describe, expect, it } from 'vitest';
import { MAX_EVENTS } from '../../src/domain/shipment';
import { seedShop } from './claims-helpers';
import { type Answer } from './helpers';
import { postEvent, putOrderOk, shipmentBody } from './shipments-helpers';

type Shipment = { status: string; events: unknown[]; version: number };
const shipmentOf = (a: Answer) => a.body.shipment as Shipment;
/** The n-th routine report: minutes apart on 3 June (Moscow time). */
const routine = (n: number) => ({
  eventId: `r-${n}`,
  status: n % 2 === 0 ? 'in_transit' : 'with_courier',
  at: new Date(Date.UTC(2025, 5, 3, 0, n)).toISOString(),
});

describe('the events cap', () => {
  it('lets the delivery through after MAX_EVENTS routine events, and nothing routine', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-cap', [shipmentBody('S-cap')]);
    for (let n = 0; n < MAX_EVENTS; n++) {
      const a = await postEvent(shop.auth, 'S-cap', routine(n));
      if (a.status !== 200) throw new Error(`event ${n}: ${a.text}`);
    }
    const extra = await postEvent(shop.auth, 'S-cap', routine(MAX_EVENTS));
    expect(extra.status, extra.text).toBe(422);
    expect((extra.body.errors as { pointer: string }[])[0]?.pointer).toBe('/status');

    const delivered = await postEvent(shop.auth, 'S-cap', {
      eventId: 'd',
      status: 'delivered',
      at: '2025-06-06T12:00:00+03:00',
    });
    expect(delivered.status, delivered.text).toBe(200);
    expect(shipmentOf(delivered).status).toBe('delivered');
    expect(shipmentOf(delivered).events).toHaveLength(MAX_EVENTS + 1);

    // A resend past the cap is a duplicate, not a refusal; and so is a routine one.
    const resent = await postEvent(shop.auth, 'S-cap', {
      eventId: 'd',
      status: 'delivered',
      at: '2025-06-06T12:00:00+03:00',
    });
    expect(resent.status, resent.text).toBe(200);
    expect(resent.body).toMatchObject({
      duplicate: true,
      shipment: { version: shipmentOf(delivered).version },
    });
    const routineResent = await postEvent(shop.auth, 'S-cap', routine(7));
    expect(routineResent.status, routineResent.text).toBe(200);
    expect(routineResent.body.duplicate).toBe(true);

    // The receipt after it is final too.
    const received = await postEvent(shop.auth, 'S-cap', {
      eventId: 'rcv',
      status: 'received',
      at: '2025-06-07T12:00:00+03:00',
    });
    expect(received.status, received.text).toBe(200);
    expect(shipmentOf(received).status).toBe('received');
  }, 120_000);
});
