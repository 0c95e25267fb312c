/**
 * The phone-claim form as flat fields, and the body of POST /v1/claims it
 * stands for. The body is validated by the API's own FileClaimSchema; errors
 * come back by path (schema) or pointer (domain, into the same body) and are
 * mapped to the field that shows them.
 */
import { z } from '@hono/zod-openapi';
import { FORM_LEVEL, type FieldIssues } from './field-errors';
import { moneyFields } from './money-input';

/** Rows of the evidence table (empty rows are ignored). */
export const EVIDENCE_ROWS = 3;

/** The form's money fields, read the desk's way («1 234,50») before the schema checks them. */
export const FILING_MONEY_FIELDS = ['deliveryCost', 'declaredValue', 'documentedValue'] as const;

/**
 * The shop a clerk files for: a shop id as API keys carry it.
 *
 * @example ShopIdSchema.parse(' demo-shop ') // 'demo-shop'
 */
export const ShopIdSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'may hold letters, digits, ".", "_" and "-" only');

type Values = Record<string, string>;

const compact = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function shipmentOf(
  v: Values,
  s: (name: string) => string,
  amounts: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const opt = (name: string) => s(name) || undefined;
  const money = (name: string) => ({ amount: amounts[name] ?? '', currency: s('currency') });
  const optMoney = (name: string) => (s(name) ? money(name) : undefined);
  const insured = s('declaredValue') !== '';
  const deliveryCost = money('deliveryCost');
  if (s('type') === 'late') {
    const days = s('transitBusinessDays');
    // Transit days count from the shipping date, the one the claim states.
    const transit = days
      ? {
          shippedDate: s('shippedDate'),
          transitBusinessDays: /^\d{1,4}$/.test(days) ? Number(days) : days,
        }
      : {};
    return compact({
      deliveryCost,
      promisedDate: opt('promisedDate'),
      ...transit,
      deliveredDate: opt('deliveredDate'),
      asOf: opt('asOf'),
    });
  }
  if (s('type') === 'damaged') {
    const insurance = insured ? { declaredValue: money('declaredValue') } : undefined;
    return compact({ deliveryCost, insurance, documentedDamage: optMoney('documentedValue') });
  }
  const insurance = insured
    ? compact({
        declaredValue: money('declaredValue'),
        documentedValue: optMoney('documentedValue'),
      })
    : undefined;
  const documentedValue = insured ? undefined : optMoney('documentedValue');
  return compact({
    deliveryCost,
    deliveryPaid: v.deliveryPaid === 'true',
    insurance,
    documentedValue,
  });
}

/**
 * The POST /v1/claims body a filled form stands for, which form row each
 * evidence item came from (empty rows are skipped), and the amounts that could
 * not be read as amounts (by field).
 *
 * @example filingFromForm({ type: 'lost', waybill: 'W1', currency: 'RUB', deliveryCost: '500,00', … }).body.shipment
 * // { deliveryCost: { amount: '500.00', currency: 'RUB' }, deliveryPaid: false }
 */
export function filingFromForm(v: Values): {
  body: Record<string, unknown>;
  evidenceRows: number[];
  unreadAmounts: FieldIssues;
} {
  const s = (name: string) => v[name]?.trim() ?? '';
  const { amounts, issues } = moneyFields(v, FILING_MONEY_FIELDS);
  const rows = Array.from({ length: EVIDENCE_ROWS }, (_, i) => i).filter(
    (i) => s(`evidence.${i}.name`) !== '',
  );
  const evidence = rows.map((i) =>
    compact({
      kind: s(`evidence.${i}.kind`),
      name: s(`evidence.${i}.name`),
      url: s(`evidence.${i}.url`) || undefined,
    }),
  );
  const body = compact({
    type: s('type'),
    carrier: s('carrier'),
    waybill: s('waybill'),
    orderId: s('orderId') || undefined,
    shippedDate: s('shippedDate'),
    claimant: { name: s('claimantName'), email: s('claimantEmail'), phone: s('claimantPhone') },
    description: s('description'),
    shipment: shipmentOf(v, s, amounts),
    evidence,
  });
  return { body, evidenceRows: rows, unreadAmounts: issues };
}

const TOP_FIELDS = ['type', 'carrier', 'waybill', 'orderId', 'shippedDate', 'description'];
const CLAIMANT: Record<string, string> = {
  name: 'claimantName',
  email: 'claimantEmail',
  phone: 'claimantPhone',
};
const SHIPMENT: Record<string, string> = {
  deliveryCost: 'deliveryCost',
  deliveryPaid: 'deliveryPaid',
  documentedValue: 'documentedValue',
  documentedDamage: 'documentedValue',
  promisedDate: 'promisedDate',
  shippedDate: 'shippedDate',
  transitBusinessDays: 'transitBusinessDays',
  deliveredDate: 'deliveredDate',
  asOf: 'asOf',
};

/**
 * The form field that shows an error at `path` of the filing body.
 *
 * @example filingFieldFor(['shipment', 'deliveryCost', 'amount'], []) // 'deliveryCost'
 * @example filingFieldFor(['evidence', 0, 'url'], [2]) // 'evidence.2.url'
 */
export function filingFieldFor(
  path: readonly PropertyKey[],
  evidenceRows: readonly number[],
): string {
  const [a, b, c] = path.map(String);
  if (a === 'claimant') return CLAIMANT[b ?? ''] ?? FORM_LEVEL;
  if (a === 'evidence') {
    const row = evidenceRows[Number(b)];
    return row === undefined || !c ? FORM_LEVEL : `evidence.${row}.${c}`;
  }
  if (a === 'shipment') {
    if (path.map(String).includes('currency')) return 'currency';
    if (b === 'insurance') return c === 'documentedValue' ? 'documentedValue' : 'declaredValue';
    return SHIPMENT[b ?? ''] ?? FORM_LEVEL;
  }
  return a !== undefined && TOP_FIELDS.includes(a) ? a : FORM_LEVEL;
}
