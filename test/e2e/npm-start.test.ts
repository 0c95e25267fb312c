/**
 * What `npm start` itself promises, through the Worker it runs (scripts/worker-dev.ts): the
 * crons of wrangler.toml run on `GET /__scheduled?cron=…` (the README's and wrangler.toml's
 * command), and a carrier report in windows-1251 goes through R2 and the audit queue to a
 * completed audit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { api, e2e, eventually, newShop, startLog } from './helpers';

const crons = (): string[] => {
  const toml = readFileSync(new URL('../../wrangler.toml', import.meta.url), 'utf8');
  const line = /^crons = (\[.*\])$/m.exec(toml)?.[1];
  return JSON.parse(line ?? '[]') as string[];
};

describe('npm start', () => {
  it("runs each of wrangler.toml's crons on GET /__scheduled", async () => {
    const expressions = crons();
    expect(expressions).toHaveLength(3);
    for (const cron of expressions) {
      const res = await fetch(`${e2e.base}/__scheduled?cron=${encodeURIComponent(cron)}`);
      expect(res.status, cron).toBe(200);
      await res.arrayBuffer();
    }
    // The five-minute cron's first step logs what it sent.
    await eventually(
      () => Promise.resolve(startLog()),
      (log) => log.includes('"event":"webhook-cron"'),
      10_000,
    );
  });

  it('audits a windows-1251 report uploaded to it, through R2 and the audit queue', async () => {
    const { key } = await newShop();
    expect([200, 201]).toContain((await api('PUT', '/v1/shop', key, shopInputExample)).status);
    const file = readFileSync(new URL('../fixtures/audit/russian-excel-1251.csv', import.meta.url));
    const res = await fetch(`${e2e.base}/v1/audits?carrier=cdek&fileName=report.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
      body: file,
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const done = await eventually(
      () => api('GET', `/v1/audits/${id}`, key),
      (answer) => answer.body.status !== 'processing',
    );
    expect(done.body.status).toBe('completed');
    const rows = done.body.rows as { read: number; audited: number; refused: number };
    expect(rows.read).toBeGreaterThan(0);
    expect(rows.audited + rows.refused).toBe(rows.read);
  });
});
