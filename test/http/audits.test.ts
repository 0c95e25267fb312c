/**
 * Audits through the Worker as deployed (workerd, R2 emulated, jobs inline): the fixture
 * reports in both dialects and encodings uploaded, polled, paged and exported; bad rows
 * reported with line, column and reason; every refusal of the upload as problem+json (empty,
 * a workbook, too large, bad columns); two uploads at once; "file all" twice at once filing
 * each row once.
 */
import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeWindows1251 } from '../../src/domain/audit/windows-1251';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import badRows from '../fixtures/audit/bad-rows.csv?raw';
import russian from '../fixtures/audit/russian-excel-utf8-bom.csv?raw';
import template from '../fixtures/audit/template.csv?raw';
import cdek from '../fixtures/audit/cdek-report.csv?raw';
import { seedKey, seedShop } from './claims-helpers';
import { call } from './helpers';

type Auth = Record<string, string>;
interface Audit {
  id: string;
  status: string;
  encoding?: string;
  rows: { read: number; audited: number; refused: number };
  totals: { finding: string; count: number; amount: { amount: string } }[];
  fileable: { count: number };
  filing?: { status: string; filed: number; skipped: number; failed: number };
  failure?: { code: string; detail: string };
  options: Record<string, unknown>;
}

async function upload(auth: Auth, body: BodyInit | null, type = 'text/csv', query = '') {
  const headers: Record<string, string> = { ...auth };
  if (type) headers['content-type'] = type;
  const res = await SELF.fetch(`http://api.test/v1/audits${query}`, {
    method: 'POST',
    headers,
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
    text,
  };
}

async function uploaded(auth: Auth, body: BodyInit, type = 'text/csv', query = '') {
  const res = await upload(auth, body, type, query);
  expect(res.status, res.text).toBe(202);
  expect(res.json.status).toBe('processing');
  expect(res.headers.get('location')).toBe(`/v1/audits/${String(res.json.id)}`);
  const got = await call('GET', `/v1/audits/${String(res.json.id)}`, undefined, auth);
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  return got.body as unknown as Audit;
}

const noBom = (text: string) => text.replace(/^\uFEFF/, '');
const totalsOf = (audit: Audit) => audit.totals.map((t) => [t.finding, t.count, t.amount.amount]);

let shop: Awaited<ReturnType<typeof seedShop>>;
beforeAll(async () => {
  shop = await seedShop();
});

describe('uploading a report', () => {
  it('audits our template (UTF-8, commas) to completion', async () => {
    const audit = await uploaded(shop.auth, template);
    expect(audit.status).toBe('completed');
    expect(audit.rows.read).toBe(template.trim().split('\n').length - 1);
    expect(audit.totals.length).toBeGreaterThan(0);
  });

  it('reads Russian Excel the same in UTF-8 with BOM and in windows-1251 (declared or sniffed)', async () => {
    const utf8 = await uploaded(shop.auth, russian);
    expect(utf8).toMatchObject({ status: 'completed', encoding: 'utf-8' });
    const bytes = encodeWindows1251(noBom(russian));
    const declared = await uploaded(shop.auth, bytes, 'text/csv; charset=windows-1251');
    const sniffed = await uploaded(shop.auth, bytes, 'text/plain');
    for (const audit of [declared, sniffed]) {
      expect(audit).toMatchObject({
        status: 'completed',
        encoding: 'windows-1251',
        rows: utf8.rows,
      });
      expect(totalsOf(audit)).toEqual(totalsOf(utf8));
    }
  });

  it('maps the columns of CDEK’s report on its own', async () => {
    const audit = await uploaded(shop.auth, cdek, 'application/csv');
    expect(audit.status, JSON.stringify(audit.failure)).toBe('completed');
    expect(audit.rows.read).toBeGreaterThan(0);
  });

  it('reports each bad row with its line, column and reason, and audits the rest', async () => {
    const audit = await uploaded(shop.auth, badRows);
    expect(audit.status).toBe('completed');
    expect(audit.rows.refused).toBeGreaterThan(3);
    expect(audit.rows.audited).toBeGreaterThan(0);
    const refused = await call(
      'GET',
      `/v1/audits/${audit.id}/rows?finding=refused&limit=1000`,
      undefined,
      shop.auth,
    );
    expect(refused.status).toBe(200);
    const items = refused.body.items as {
      line: number;
      problems: { line: number; reason: string; column?: string }[];
    }[];
    expect(items).toHaveLength(audit.rows.refused);
    for (const row of items) {
      expect(row.line).toBeGreaterThan(1);
      expect(row.problems.length).toBeGreaterThan(0);
      for (const p of row.problems) expect(p.reason.length).toBeGreaterThan(0);
    }
    expect(items.some((r) => r.problems.some((p) => p.column !== undefined))).toBe(true);
  });

  it('fails the audit, not the request, on a header it cannot map', async () => {
    const audit = await uploaded(shop.auth, 'a;b;c\r\n1;2;3\r\n');
    expect(audit.status).toBe('failed');
    expect(audit.failure?.code).toBe('bad-header');
  });

  it('maps unknown headers through columns', async () => {
    const csv =
      'Трек;Отправлен;Обещано;Вручено;Статус;Тариф\r\n1106207236;03.03.2025;11.03.2025;14.03.2025;Вручен;500,00\r\n';
    const columns = encodeURIComponent(
      JSON.stringify({
        waybill: 'Трек',
        shippedDate: 'Отправлен',
        promisedDate: 'Обещано',
        deliveredDate: 'Вручено',
        deliveryCost: 'Тариф',
      }),
    );
    const audit = await uploaded(
      shop.auth,
      csv,
      'text/csv',
      `?columns=${columns}&carrier=cdek&tolerance=5&fileName=q1.csv`,
    );
    expect(audit).toMatchObject({ status: 'completed', rows: { read: 1, audited: 1 } });
    expect(audit.totals.map((t) => t.finding)).toEqual(['late']);
  });

  it('counts a parcel on its way past `lostAfterDays` as lost, and keeps the term in its options', async () => {
    // Shipped and promised in March 2025, still on its way on the audit's day (today).
    const csv =
      'Номер накладной;Дата отправки;Плановая дата доставки;Дата доставки;Статус;Стоимость доставки\r\n1106207236;03.03.2025;11.03.2025;;В пути;500,00\r\n';
    const withTerm = await uploaded(shop.auth, csv, 'text/csv', '?lostAfterDays=30');
    expect(withTerm.options).toMatchObject({ lostAfterDays: 30 });
    expect(withTerm.totals.map((t) => t.finding)).toEqual(['lost']);
    const without = await uploaded(shop.auth, csv);
    expect(without.totals.map((t) => t.finding)).toEqual(['late']);
  });

  it('takes two uploads at once, each its own audit', async () => {
    const own = await seedShop();
    const [a, b] = await Promise.all([uploaded(own.auth, russian), uploaded(own.auth, template)]);
    expect(a.id).not.toBe(b.id);
    expect([a.status, b.status]).toEqual(['completed', 'completed']);
    const listed = await call('GET', '/v1/audits?limit=1', undefined, own.auth);
    const next = await call(
      'GET',
      `/v1/audits?limit=1&cursor=${String(listed.body.nextCursor)}`,
      undefined,
      own.auth,
    );
    const ids = [listed, next].flatMap((page) =>
      (page.body.items as { id: string }[]).map((x) => x.id),
    );
    expect(ids.sort()).toEqual([a.id, b.id].sort());
  });
});

describe('the upload’s refusals', () => {
  const problemOf = (res: { json: Record<string, unknown>; headers: Headers }) => {
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    return res.json;
  };

  it('an empty file: 400', async () => {
    const res = await upload(shop.auth, '');
    expect(res.status, res.text).toBe(400);
    expect(problemOf(res).type).toBe('/problems/audit-request-invalid');
  });

  it('an Excel workbook, by its type or its bytes: 415 saying to save as CSV', async () => {
    const byType = await upload(
      shop.auth,
      'x',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const byBytes = await upload(
      shop.auth,
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]),
    );
    for (const res of [byType, byBytes]) {
      expect(res.status, res.text).toBe(415);
      expect(problemOf(res)).toMatchObject({
        type: '/problems/audit-file-unsupported',
        detail: expect.stringMatching(/CSV/),
      });
    }
  });

  it.each(['0', '366', '2.5', 'x'])('lostAfterDays=%s: 422 naming it', async (days) => {
    const res = await upload(shop.auth, template, 'text/csv', `?lostAfterDays=${days}`);
    expect(res.status, res.text).toBe(422);
    expect(JSON.stringify(problemOf(res))).toContain('lostAfterDays');
  });

  it('unknown columns: 400 naming them', async () => {
    const res = await upload(
      shop.auth,
      template,
      'text/csv',
      `?columns=${encodeURIComponent('{"waybill":"W","weight":"Вес"}')}`,
    );
    expect(res.status, res.text).toBe(400);
    expect(problemOf(res)).toMatchObject({
      detail: expect.stringMatching(/weight/),
      errors: [expect.objectContaining({ parameter: 'columns' })],
    });
  });

  it('a file over 50 MB streamed without Content-Length: 413, nothing kept', async () => {
    const chunk = new TextEncoder().encode(`${'1106207236;03.03.2025;'.repeat(2900)}\r\n`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 51 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await upload(shop.auth, body);
    expect(res.status, res.text).toBe(413);
    expect(problemOf(res).type).toBe('/problems/audit-file-too-large');
  }, 60_000);

  it('another shop’s audit is not found; no key is a 401', async () => {
    const audit = await uploaded(shop.auth, template);
    const other = await seedShop();
    expect((await call('GET', `/v1/audits/${audit.id}`, undefined, other.auth)).status).toBe(404);
    expect((await call('GET', `/v1/audits/${audit.id}/rows`, undefined, {})).status).toBe(401);
  });

  it('a clerk names the shop', async () => {
    const clerk = await seedKey('clerk');
    expect((await upload(clerk.auth, template)).status).toBe(400);
    const audit = await uploaded(clerk.auth, template, 'text/csv', `?shopId=${shop.shopId}`);
    expect(audit.status).toBe('completed');
  });
});

describe('the rows export', () => {
  it('is Russian Excel’s CSV, with formulas defused', async () => {
    const header = template.split(/\r?\n/)[0]!;
    const row = template.split(/\r?\n/)[1]!.split(',');
    row[0] = '=HYPERLINK("http://x")';
    const csv = `${header}\n${row.map((c) => (c.includes(',') || c.includes('"') ? `"${c.replaceAll('"', '""')}"` : c)).join(',')}\n`;
    const audit = await uploaded(shop.auth, csv);
    const res = await SELF.fetch(`http://api.test/v1/audits/${audit.id}/rows.csv`, {
      headers: shop.auth,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`audit-${audit.id}.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe(
      'Строка;Накладная;Номер заказа;Перевозчик;Находка;Сумма;Валюта;Подать до;Срок истёк;Заявка;Причина',
    );
    expect(lines[1]).toMatch(/^2;"'=HYPERLINK\(""http:\/\/x""\)";/);
    expect(lines.at(-1)).toBe('');
  });
});

describe('filing from an audit', () => {
  it('files each owed row once, however often it is asked, even at once', async () => {
    const owner = await seedShop();
    const audit = await uploaded(owner.auth, russian);
    const refused = await call('POST', `/v1/audits/${audit.id}/claims`, undefined, owner.auth);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.type).toBe('/problems/shop-profile-required');
    expect((await call('PUT', '/v1/shop', shopInputExample, owner.auth)).status).toBe(201);
    const unknown = await call(
      'POST',
      `/v1/audits/${audit.id}/claims`,
      { lines: [99999] },
      owner.auth,
    );
    expect(unknown.status, JSON.stringify(unknown.body)).toBe(400);
    const owed = audit.fileable.count;
    expect(owed).toBeGreaterThan(0);
    const both = await Promise.all([
      call('POST', `/v1/audits/${audit.id}/claims`, undefined, owner.auth),
      call('POST', `/v1/audits/${audit.id}/claims`, {}, owner.auth),
    ]);
    for (const res of both) {
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      expect(res.headers.get('location')).toBe(`/v1/audits/${audit.id}`);
    }
    const after = (await call('GET', `/v1/audits/${audit.id}`, undefined, owner.auth))
      .body as unknown as Audit;
    expect(after.filing).toMatchObject({ status: 'done', filed: owed, failed: 0 });
    expect(after.fileable.count).toBe(0);
    const again = await call('POST', `/v1/audits/${audit.id}/claims`, undefined, owner.auth);
    expect(again.body.filing).toMatchObject({ status: 'done', filed: 0 });
    const claims = await call('GET', '/v1/claims?limit=100', undefined, owner.auth);
    expect((claims.body.items as unknown[]).length).toBe(owed);
  });
});
