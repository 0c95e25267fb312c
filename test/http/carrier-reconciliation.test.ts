/**
 * The daily carrier reconciliation's cron in workerd: the Worker as deployed, its `scheduled()`
 * run with the reconciliation's own expression (wrangler.toml's second), CDEK played by a
 * stand-in fetch. The shop's open shipment is read from CDEK, the account shows the day, and
 * the run logs one JSON line with its counts. The claim-change cron keeps its own expression.
 */
import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import type { Bindings } from '../../src/env';
import { RECONCILIATION_CRON } from '../../src/queues/carrier-reconciliation';
import { createWorker } from '../../src/worker';
import { caller, fixedClock } from '../support/answer';
import { CDEK_TEST_CREDENTIALS, cdekFetch } from '../support/cdek-fetch';
import { seedShop } from './claims-helpers';
import { orderBody, shipmentBody } from './shipments-helpers';

const worker = createWorker({ clock: fixedClock, changes: 'inline', cdekFetch });
const bindings = env as Bindings;
const call = caller((url, init) => {
  const request = new Request(url, init) as Parameters<NonNullable<typeof worker.fetch>>[0];
  return Promise.resolve(worker.fetch!(request, bindings, createExecutionContext()));
});

describe('the reconciliation cron', () => {
  it('reads the shop’s open shipments from CDEK once a day and logs what it did', async () => {
    const shop = await seedShop();
    const put = await call('PUT', '/v1/carrier-accounts/cdek', CDEK_TEST_CREDENTIALS, shop.auth);
    expect(put.status, put.text).toBe(201);
    const order = orderBody([shipmentBody('S-1', { waybill: '1106207236' })]);
    expect((await call('PUT', '/v1/orders/O-1', order, shop.auth)).status).toBe(201);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const ctx = createExecutionContext();
      const controller = createScheduledController({
        scheduledTime: new Date('2025-06-16T09:02:00.000Z'),
        cron: RECONCILIATION_CRON,
      });
      await worker.scheduled!(controller, bindings, ctx);
      await waitOnExecutionContext(ctx);
      const lines = log.mock.calls.map(([line]) => String(line));
      const report = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.event === 'carrier-reconciliation');
      expect(report).toMatchObject({ day: '2025-06-16', stopped: 'done' });
      expect(report?.shipmentsNotFound).toBeGreaterThanOrEqual(1);
      expect(lines.join('\n')).not.toContain(CDEK_TEST_CREDENTIALS.clientSecret);
    } finally {
      log.mockRestore();
    }
    const account = await call('GET', '/v1/carrier-accounts/cdek', undefined, shop.auth);
    expect(account.body).toMatchObject({ reconciledOn: '2025-06-16' });
  });
});
