/**
 * Evidence files at the desk, in Chromium against the Worker under `wrangler dev` (its R2
 * emulated): a clerk attaches a file to an evidence entry, sees its name, type, size and
 * short SHA-256, downloads the same bytes; a file that is not what it says is refused beside
 * its entry; the shop gets the same bytes through the API; and a phone filing attaches the
 * files of its rows.
 */
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, clerkPage, isoDay, launchChromium, uniqueWaybill } from './browser';
import { api, lostFiling } from './seed';

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** A PDF's magic number, then filler: what the Worker checks is the start. */
const pdfBytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20_000, 'p')]);
const pngBytes = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(3_000, 1),
]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A chunked PUT of `megabytes` on a connection of its own, then a GET on another; each must
 * answer within 10 s (before the raw route drained what it did not read, the next request hung).
 */
function chunkedPut(path: string, key: string, megabytes: number): Promise<number> {
  return new Promise((done, fail) => {
    const headers = {
      authorization: `Bearer ${key}`,
      'content-type': 'image/jpeg',
      'transfer-encoding': 'chunked',
    };
    const req = request(
      new URL(path, inject('deskUrl')),
      { method: 'PUT', agent: false, timeout: 10_000, headers },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`PUT ${path}: no answer within 10 s`)));
    req.on('error', fail);
    const chunk = Buffer.alloc(1024 * 1024, 0xff);
    for (let i = 0; i < megabytes; i++) req.write(chunk);
    req.end();
  });
}

/** GET through the API with a key: status and bytes. */
async function apiBytes(path: string, key: string) {
  const res = await fetch(`${inject('deskUrl')}${path}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The phone form filled for a lost parcel (a receipt in row 1, no name yet) and calculated. */
async function calculateLostClaim(page: Page, waybill: string) {
  await page.goto('/desk/new-claim');
  await page.getByLabel('Shop', { exact: true }).selectOption(inject('shopId'));
  await page.getByLabel('What went wrong').selectOption('lost');
  await page.getByLabel('Waybill', { exact: true }).fill(waybill);
  await page.getByLabel('Shipped on').fill(isoDay(-10));
  await page.getByLabel('Delivery cost').fill('500.00');
  await page.getByLabel('Customer’s name').fill('Ivan Ivanov');
  await page.getByLabel('Customer’s e-mail').fill('ivan@example.com');
  await page.getByLabel('Customer’s phone').fill('+7 902 000-11-22');
  await page.getByLabel('What happened, in the customer’s words').fill('Never arrived.');
  await page.locator('#f-evidence-0-kind').selectOption('receipt');
  await page.getByRole('button', { name: 'Calculate' }).click();
  await page.locator('#preview-amount').waitFor();
}

describe('evidence files at the desk', () => {
  let browser: Browser;
  let page: Page;
  let claimId = '';

  beforeAll(async () => {
    browser = await launchChromium();
    page = await clerkPage(browser, inject('clerkKey'));
    const filing = {
      ...lostFiling(uniqueWaybill()),
      evidence: [
        { kind: 'receipt', name: 'Receipt from the shop' },
        { kind: 'photo', name: 'Photo of the parcel' },
      ],
    };
    const filed = await api('POST', '/v1/claims', inject('shopKey'), filing);
    expect(filed.status).toBe(201);
    claimId = String(filed.json.id);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('attaches a file to an entry and shows its name, type, size and short SHA-256', async () => {
    await page.goto(`/desk/claims/${claimId}`);
    expect(await page.getByLabel('File for “Receipt from the shop”').count()).toBe(1);
    await checkPage(page, 'files-01-claim-without-files');
    await page.getByLabel('File for “Receipt from the shop”').setInputFiles({
      name: 'чек 1.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes,
    });
    await page.locator('#evidence-ev_1').getByRole('button', { name: 'Attach' }).click();
    await page.waitForURL(`**/desk/claims/${claimId}?attached=ev_1#evidence-ev_1`);
    expect(await text(page, '#file-attached')).toBe(
      'The file for “Receipt from the shop” is attached.',
    );
    const entry = await text(page, '#evidence-ev_1 .file');
    expect(entry).toContain('Download чек 1.pdf');
    expect(entry).toContain('application/pdf, 19.5 KB');
    expect(entry).toContain(`SHA-256 ${sha256(pdfBytes).slice(0, 12)}`);
    // An attached file is kept: no form to replace it.
    expect(await page.locator('#evidence-ev_1 form').count()).toBe(0);
    await checkPage(page, 'files-02-attached');
  });

  it('downloads the same bytes, as an attachment under the uploaded name', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download чек 1.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('чек 1.pdf');
    const saved = await readFile(await download.path());
    expect(sha256(saved)).toBe(sha256(pdfBytes));
    const res = await page.request.get(`/desk/claims/${claimId}/evidence/ev_1/file`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['cache-control']).toBe('private, no-store');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['content-disposition']).toContain(
      "filename*=UTF-8''%D1%87%D0%B5%D0%BA%201.pdf",
    );
  });

  it('refuses a file that is not what it says, beside its entry, in either language', async () => {
    await page.goto(`/desk/claims/${claimId}`);
    const photo = page.getByLabel('File for “Photo of the parcel”');
    await photo.setInputFiles({ name: 'box.jpg', mimeType: 'image/jpeg', buffer: pngBytes });
    await page.locator('#evidence-ev_2').getByRole('button', { name: 'Attach' }).click();
    await page.locator('#file-ev_2-error').waitFor();
    expect(await text(page, '#file-ev_2-error')).toContain(
      'not a PDF, JPEG, PNG, WebP or HEIC file',
    );
    expect(await photo.getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'files-03-refused');
    // The same file as what it is (a PNG) is taken, in Russian.
    await page.goto(`/desk/lang/ru?back=/desk/claims/${claimId}`);
    await page.waitForURL(`**/desk/claims/${claimId}`);
    await page
      .getByLabel('Файл для «Photo of the parcel»')
      .setInputFiles({ name: 'box.png', mimeType: 'image/png', buffer: pngBytes });
    await page.locator('#evidence-ev_2').getByRole('button', { name: 'Приложить' }).click();
    await page.waitForURL(`**/desk/claims/${claimId}?attached=ev_2#evidence-ev_2`);
    expect(await text(page, '#file-attached')).toBe('Файл для «Photo of the parcel» приложен.');
    expect(await text(page, '#evidence-ev_2 .file')).toContain('image/png');
    await checkPage(page, 'files-04-attached-ru');
    await page.goto(`/desk/lang/en?back=/desk/claims/${claimId}`);
  });

  it('gives the shop the same bytes through the API, and lists both files', async () => {
    const got = await apiBytes(`/v1/claims/${claimId}/evidence/ev_1/file`, inject('shopKey'));
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(sha256(pdfBytes));
    const list = await api('GET', `/v1/claims/${claimId}/files`, inject('shopKey'));
    const items = list.json.items as { evidenceId: string; fileName: string; sha256: string }[];
    expect(items.map((f) => [f.evidenceId, f.fileName])).toEqual([
      ['ev_1', 'чек 1.pdf'],
      ['ev_2', 'box.png'],
    ]);
  });

  it('answers oversized and refused chunked uploads, and every request after them', async () => {
    const path = `/v1/claims/${claimId}/evidence/ev_1/file`;
    // ev_1 has its file (409 before the bytes are read); 11 MB to a new entry passes the cap (413).
    await api('POST', `/v1/claims/${claimId}/evidence`, inject('shopKey'), {
      evidence: [{ kind: 'photo', name: 'Label' }],
    });
    for (const [target, megabytes, status] of [
      [path, 11, 409],
      [`/v1/claims/${claimId}/evidence/ev_3/file`, 11, 413],
      [path, 9, 409],
    ] as const) {
      expect(await chunkedPut(target, inject('shopKey'), megabytes)).toBe(status);
      const after = await apiBytes('/v1/policies', inject('shopKey'));
      expect(after.status).toBe(200);
    }
  });

  it('files a phone claim with a file in an evidence row, named after the file', async () => {
    await calculateLostClaim(page, uniqueWaybill());
    await checkPage(page, 'files-05-phone-form');
    await page
      .locator('#f-evidence-0-file')
      .setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await page.getByRole('button', { name: 'File the claim' }).click();
    await page.waitForURL(/\/desk\/claims\/clm_[0-9a-f]{32}\?done=filed$/);
    expect(await text(page, '#evidence-list')).toContain('invoice.pdf');
    expect(await text(page, '#evidence-ev_1 .file')).toContain('Download invoice.pdf');
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const got = await apiBytes(`/v1/claims/${id}/evidence/ev_1/file`, inject('clerkKey'));
    expect(sha256(got.bytes)).toBe(sha256(pdfBytes));
  });

  it('refuses a phone filing’s wrong file beside its row before anything is filed', async () => {
    const waybill = uniqueWaybill();
    await calculateLostClaim(page, waybill);
    await page
      .locator('#f-evidence-1-file')
      .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: pngBytes });
    await page.getByRole('button', { name: 'File the claim' }).click();
    await page.locator('#f-evidence-1-file-error').waitFor();
    expect(await text(page, '#error-summary')).toContain('Document 2: File (optional)');
    const listed = await api('GET', `/v1/claims?waybill=${waybill}`, inject('clerkKey'));
    expect(listed.json.items).toEqual([]);
  });
});
