/**
 * The audit pages as HTML, from fixture views (the service's AuditView and rows): the chart
 * beside the totals table, the deadline per total, the filters, each row's lines on demand,
 * refused rows' problems, the progress bar while processing, "file all" and its confirm
 * step, in both languages.
 */
import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import type { AuditRowResult, AuditView } from '../../src/domain/audit/view';
import { line } from '../../src/domain/explain';
import {
  AuditPage,
  isBusy,
  workPercent,
  type AuditPageProps,
} from '../../src/desk/views/audit/audit-page';
import { AuditsPage } from '../../src/desk/views/audit/audits-page';
import { fileableSums } from '../../src/desk/views/audit/file-all';
import type { Language } from '../../src/desk/i18n/lang';
import { uploadOf, uploadOptions } from '../../src/desk/forms/audit-upload-form';

const RUB = (amount: string) => ({ amount, currency: 'RUB' as const });

const completed: AuditView = {
  id: 'aud_1',
  shopId: 'shop-1',
  status: 'completed',
  options: { carrier: 'cdek', fileName: 'cdek-q3.csv', overchargeTolerancePercent: '5' },
  encoding: 'windows-1251',
  createdAt: '2026-12-01T09:00:00.000Z',
  completedAt: '2026-12-01T09:00:05.000Z',
  progress: { bytesRead: 2048, bytesTotal: 2048, percent: 100 },
  rows: { read: 12, audited: 11, refused: 1 },
  totals: [
    {
      finding: 'late',
      carrier: 'cdek',
      count: 3,
      amount: RUB('450.00'),
      owed: { count: 2, amount: RUB('300.00') },
      fileBy: '2027-03-01',
    },
    {
      finding: 'lost',
      carrier: 'cdek',
      count: 1,
      amount: RUB('8500.00'),
      owed: { count: 1, amount: RUB('8500.00') },
      fileBy: '2027-02-10',
    },
    {
      finding: 'overcharge',
      carrier: 'cdek',
      count: 1,
      amount: RUB('120.50'),
      owed: { count: 0, amount: RUB('0.00') },
    },
  ],
  fileable: { count: 3, amount: [RUB('8800.00')] },
};

const rows: AuditRowResult[] = [
  {
    line: 2,
    waybill: '1234567890',
    orderId: 'A-1',
    carrier: 'cdek',
    findings: [
      {
        kind: 'late',
        amount: RUB('150.00'),
        lines: [line('late.delivered', { deliveredDate: '2026-11-20' })],
        fileBy: '2027-03-01',
        expired: false,
      },
    ],
  },
  {
    line: 3,
    waybill: '1234567891',
    carrier: 'cdek',
    findings: [
      {
        kind: 'lost',
        amount: RUB('8500.00'),
        lines: [line('late.delivered', { deliveredDate: '2026-11-21' })],
        fileBy: '2026-01-10',
        expired: true,
      },
    ],
    claimId: 'clm_abc',
  },
  {
    line: 7,
    waybill: '',
    carrier: 'cdek',
    findings: [],
    problems: [
      {
        line: 7,
        column: 'Дата отправки',
        field: 'shippedDate',
        reason: 'is not a date (dd.mm.yyyy or yyyy-mm-dd)',
      },
    ],
  },
];

const props = (lang: Language, audit: AuditView, confirming = false): AuditPageProps => ({
  lang,
  path: `/desk/audits/${audit.id}`,
  csrf: 'token-1',
  audit,
  pollHref: `/desk/audits/${audit.id}/progress`,
  rows: {
    rows,
    finding: 'late',
    filterHref: (f) => `/desk/audits/${audit.id}${f ? `?finding=${f}` : ''}`,
    nextHref: `/desk/audits/${audit.id}?finding=late&cursor=abc`,
    csvHref: `/desk/audits/${audit.id}/rows.csv?finding=late`,
  },
  fileAll: {
    confirming,
    confirmHref: `/desk/audits/${audit.id}?confirm=file#file-all`,
    cancelHref: `/desk/audits/${audit.id}#file-all`,
    action: `/desk/audits/${audit.id}/claims`,
  },
});

/** The page's HTML, its no-break spaces (money, dates) as plain spaces. */
const plain = (html: unknown) => String(html).replace(/[\u00a0\u202f]/g, ' ');
const page = async (p: AuditPageProps) => plain(await jsx(AuditPage, p));

describe('the audit page', () => {
  it('draws the totals as a named chart beside a table with the deadline per total', async () => {
    const html = await page(props('en', completed));
    expect(html).toMatch(/<svg [^>]*role="img"[^>]*id="audit-chart"/);
    expect(html).toContain(
      '<title id="audit-chart-title">Amount found per finding and carrier</title>',
    );
    expect(html).toContain('Late · CDEK parcels');
    expect(html).toMatch(/<table class="queue" id="audit-totals">/);
    expect(html).toContain('<td class="date">1 March 2027</td>');
    // No owed row, no deadline.
    expect(html).toMatch(
      /Overcharge · CDEK parcels<\/th>(<td[^>]*>[^<]*<\/td>){4}<td class="date">—<\/td>/,
    );
  });

  it('shows each row’s amount, its lines on demand, and why a refused row was refused', async () => {
    const html = await page(props('en', completed));
    expect(html).toMatch(
      /<details><summary>Late: <strong>RUB 150.00<\/strong>, file by 1 March 2027/,
    );
    expect(html).toContain('<li>Delivered on 20 November 2026.</li>');
    expect(html).toContain('<span class="sub"> (expired)</span>');
    expect(html).toContain('Claimed: <a href="/desk/claims/clm_abc">clm_abc</a>');
    expect(html).toContain('column «Дата отправки»: <span>is not a date');
  });

  it('marks the current filter, links the next page and the CSV of the same rows', async () => {
    const html = await page(props('en', completed));
    expect(html).toContain(
      '<a href="/desk/audits/aud_1?finding=late" aria-current="page" data-finding="late">Late</a>',
    );
    expect(html).toContain('<a href="/desk/audits/aud_1" data-finding="all">All rows</a>');
    expect(html).toContain('href="/desk/audits/aud_1?finding=late&amp;cursor=abc"');
    expect(html).toContain('href="/desk/audits/aud_1/rows.csv?finding=late"');
  });

  it('says what "file all" will file, and posts only from the confirm step', async () => {
    const first = await page(props('en', completed));
    expect(first).toContain('3 claims for RUB 8,800.00 will be filed.');
    expect(first).toContain('href="/desk/audits/aud_1?confirm=file#file-all"');
    expect(first).not.toContain('action="/desk/audits/aud_1/claims"');
    const confirm = await page(props('en', completed, true));
    expect(confirm).toMatch(/<form method="post" action="\/desk\/audits\/aud_1\/claims"/);
    expect(confirm).toContain('name="_csrf" value="token-1"');
  });

  it('shows the filing counters once a filing started', async () => {
    const filing = { status: 'done' as const, requested: 3, filed: 2, skipped: 1, failed: 0 };
    const html = await page(props('en', { ...completed, filing }));
    expect(html).toContain('Requested 3: 2 filed, 1 skipped, 0 failed.');
    expect(html).not.toContain('id="audit-progress"');
  });

  it('while processing: a progress bar the script polls, and no filing yet', async () => {
    const processing: AuditView = {
      ...completed,
      status: 'processing',
      progress: { bytesRead: 512, bytesTotal: 2048, percent: 25 },
      totals: [],
      fileable: { count: 0, amount: [] },
    };
    const html = await page(props('en', processing));
    expect(html).toMatch(
      /<progress id="audit-progress" max="100" value="25" data-poll="\/desk\/audits\/aud_1\/progress"/,
    );
    expect(html).toContain('<script src="/desk/assets/audit-progress.js" defer=""></script>');
    expect(html).toContain('The rows can be filed once the file is read.');
    expect(isBusy(processing)).toBe(true);
  });

  it('counts a filing’s progress once the file is read', () => {
    const filing = { status: 'filing' as const, requested: 8, filed: 3, skipped: 1, failed: 0 };
    expect(workPercent({ ...completed, filing })).toBe(50);
    expect(isBusy({ ...completed, filing })).toBe(true);
    expect(isBusy(completed)).toBe(false);
  });

  it('says why a failed file failed, and shows no totals', async () => {
    const failed: AuditView = {
      ...completed,
      status: 'failed',
      failure: { code: 'bad-header', detail: 'No column for waybill.' },
      totals: [],
    };
    const html = await page(props('ru', failed));
    expect(html).toContain('Файл не удалось проверить');
    expect(html).toContain('<p lang="en">No column for waybill.</p>');
    expect(html).not.toContain('id="audit-totals"');
  });

  it('reads in Russian', async () => {
    const html = await page(props('ru', completed));
    expect(html).toContain('Просрочка · Посылки СДЭК');
    expect(html).toMatch(/Будет подано: 3 претензии на 8 800,00 ₽\./);
    expect(html).toContain('Подать до');
  });

  it.each([
    [[RUB('1500.00')], 'RUB 1,500.00'],
    [[RUB('1.00'), { amount: '2.00', currency: 'USD' as const }], 'RUB 1.00 + US$2.00'],
  ])('sums the fileable amounts per currency: %j', (amounts, text) => {
    expect(plain(fileableSums('en', amounts))).toBe(text);
  });
});

describe('the audits listing', () => {
  const listing = async (shopId: string | undefined, errors = {}) =>
    plain(
      await jsx(AuditsPage, {
        lang: 'en',
        path: '/desk/audits',
        csrf: 'token-1',
        shops: [{ value: 'shop-1', label: 'Shop One (shop-1)' }],
        shopId,
        audits: [completed],
        auditHref: (a: AuditView) => `/desk/audits/${a.id}`,
        errors,
      }),
    );

  it('asks for a shop first', async () => {
    const html = await listing(undefined);
    expect(html).toContain('<option value="">Choose a shop</option>');
    expect(html).not.toContain('enctype="multipart/form-data"');
  });

  it('lists the shop’s audits and the upload form posting to the shop', async () => {
    const html = await listing('shop-1');
    expect(html).toContain('<a href="/desk/audits/aud_1">cdek-q3.csv</a>');
    expect(html).toMatch(
      /<form method="post" action="\/desk\/audits\?shop=shop-1" enctype="multipart\/form-data"/,
    );
    expect(html).toContain('type="file"');
  });

  it('shows a refusal beside its field and lands on it', async () => {
    const html = await listing('shop-1', { columns: 'is not a JSON object' });
    expect(html).toContain('id="upload-refused"');
    expect(html).toMatch(/<textarea id="u-columns"[^>]*aria-invalid="true"[^>]*autofocus/);
  });
});

describe('the upload form', () => {
  const file = new File(['waybill\r\n1\r\n'], 'r.csv', { type: 'text/csv' });
  const strings = { carrier: 'cdek', tolerance: '2,5', columns: '{"waybill": "Накладная №"}' };

  it('turns the fields into the service’s options (a decimal comma read as a point)', () => {
    const form = uploadOptions('en', strings, file);
    expect(form.errors).toBeUndefined();
    expect('options' in form && form.options).toEqual({
      carrier: 'cdek',
      overchargeTolerancePercent: '2.5',
      fileName: 'r.csv',
      columns: { waybill: 'Накладная №' },
    });
    const lost = uploadOptions('en', { ...strings, lostAfterDays: ' 30 ' }, file);
    expect('options' in lost && lost.options.lostAfterDays).toBe(30);
  });

  it.each(['0', '366', '2,5', 'a month'])('refuses lostAfterDays %j beside its field', (days) => {
    const form = uploadOptions('en', { ...strings, lostAfterDays: days }, file);
    expect(form.errors).toEqual({
      lostAfterDays: 'a whole number of days from 1 to 365, or empty',
    });
  });

  it.each([
    ['no file', {}, undefined, 'file', 'choose the report file'],
    ['an empty file', {}, new File([], 'e.csv'), 'file', 'choose the report file'],
    ['an unknown carrier', { carrier: 'dhl' }, file, 'carrier', 'choose a carrier from the list'],
    [
      'a tolerance that is no percentage',
      { tolerance: '5%' },
      file,
      'tolerance',
      'a percentage such as 5 or 2.5',
    ],
    [
      'columns that are not JSON',
      { columns: '{waybill' },
      file,
      'columns',
      'a JSON object of our field names to the file’s headers',
    ],
    [
      'columns that are a list',
      { columns: '["a"]' },
      file,
      'columns',
      'a JSON object of our field names to the file’s headers',
    ],
    [
      'a header that is not text',
      { columns: '{"waybill": 1}' },
      file,
      'columns',
      'a JSON object of our field names to the file’s headers',
    ],
  ])('refuses %s beside its field', (_, changed, upload, field, message) => {
    const form = uploadOptions('en', { ...strings, ...changed }, upload);
    expect(form.errors).toEqual({ [field]: message });
  });

  it('passes a CSV’s type on, and leaves another to the bytes (Windows calls .csv an Excel file)', () => {
    expect(uploadOf(file)).toMatchObject({ contentType: 'text/csv', contentLength: 12 });
    const excel = new File(['a'], 'r.csv', { type: 'application/vnd.ms-excel' });
    expect(uploadOf(excel).contentType).toBeUndefined();
  });
});
