/**
 * The audit operations' examples: one audit of a small CDEK report, as the service answers
 * it (the shapes of src/domain/audit/view.ts), a row of each kind, and the template's CSV.
 */
import { AUDIT_FIELDS } from '../../domain/audit/types';
import type { AuditRowResult, AuditView } from '../../domain/audit/view';

const rub = (amount: string) => ({ amount, currency: 'RUB' as const });

export const auditId = 'aud_5d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a';

/** An audit just created (POST's answer). */
export const auditCreatedExample: AuditView = {
  id: auditId,
  shopId: 'demo-shop',
  status: 'processing',
  options: { carrier: 'cdek', overchargeTolerancePercent: '5', fileName: 'cdek-2025-q1.csv' },
  createdAt: '2025-04-02T09:30:00.000Z',
  progress: { bytesRead: 0, bytesTotal: 1843221, percent: 0 },
  rows: { read: 0, audited: 0, refused: 0 },
  totals: [],
  fileable: { count: 0, amount: [] },
};

/** The same audit, read and partly filed. */
export const auditExample: AuditView = {
  ...auditCreatedExample,
  status: 'completed',
  encoding: 'windows-1251',
  completedAt: '2025-04-02T09:30:41.000Z',
  progress: { bytesRead: 1843221, bytesTotal: 1843221, percent: 100 },
  rows: { read: 8000, audited: 7991, refused: 9 },
  totals: [
    {
      finding: 'late',
      carrier: 'cdek',
      count: 412,
      amount: rub('61830.00'),
      owed: { count: 398, amount: rub('59700.00') },
      fileBy: '2025-04-20',
    },
    {
      finding: 'lost',
      carrier: 'cdek',
      count: 7,
      amount: rub('41200.00'),
      owed: { count: 7, amount: rub('41200.00') },
      fileBy: '2025-06-14',
    },
    {
      finding: 'overcharge',
      carrier: 'cdek',
      count: 35,
      amount: rub('4120.50'),
      owed: { count: 35, amount: rub('4120.50') },
      fileBy: '2025-06-14',
    },
  ],
  fileable: { count: 5, amount: [rub('1140.00')] },
  filing: { status: 'done', requested: 405, filed: 400, skipped: 5, failed: 0 },
};

export const auditRowExamples: AuditRowResult[] = [
  {
    line: 17,
    waybill: '1106207236',
    orderId: 'A-1042',
    carrier: 'cdek',
    findings: [
      {
        kind: 'late',
        amount: rub('150.00'),
        lines: [
          {
            key: 'late.rate.business',
            params: { rate: '3' },
            text: 'Rate: 3 % of the delivery cost per business day late.',
          },
        ],
        fileBy: '2025-04-20',
        expired: false,
      },
    ],
  },
  {
    line: 23,
    waybill: '',
    carrier: 'cdek',
    findings: [],
    problems: [
      {
        line: 23,
        column: 'Дата отправки',
        field: 'shippedDate',
        reason: 'is not a date (dd.mm.yyyy or yyyy-mm-dd)',
      },
    ],
  },
];

/** Our template: its header line and one row (the spec's example of the upload). */
export const templateCsvExample = `${AUDIT_FIELDS.join(',')}
1106207236,A-1042,cdek,2025-03-03,2025-03-11,,2025-03-14,delivered,500.00,12000.00,true,30,20,10,1.2,2.5,780.00
`;

/** Russian Excel's dialect of the same row. */
export const russianCsvExample = `Номер накладной;Номер заказа;Дата отправки;Плановая дата доставки;Дата доставки;Статус;Стоимость доставки;Объявленная стоимость
1106207236;A-1042;03.03.2025;11.03.2025;14.03.2025;Вручен;500,00;12 000,00
`;
