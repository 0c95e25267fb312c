/**
 * The stored calculator input of a claim (`shipment`, typed loosely in the
 * claim record) as a list of labelled facts for the claim page and the letter.
 */
import { isCurrencyCode, type MoneyJson } from '../../../domain/money';

export type FactKey =
  | 'deliveryCost'
  | 'deliveryPaid'
  | 'declaredValue'
  | 'insuredDocumentedValue'
  | 'documentedValue'
  | 'documentedDamage'
  | 'promisedDate'
  | 'shipmentShippedDate'
  | 'transitBusinessDays'
  | 'deliveredDate'
  | 'asOf'
  | 'calendar';

export type FactValue =
  { money: MoneyJson } | { date: string } | { text: string } | { flag: boolean };

export interface Fact {
  key: FactKey;
  value: FactValue;
}

const isMoney = (v: unknown): v is MoneyJson =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as MoneyJson).amount === 'string' &&
  isCurrencyCode(String((v as MoneyJson).currency));

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

function valueOf(v: unknown, as: 'money' | 'date' | 'text' | 'flag'): FactValue | undefined {
  if (as === 'money') return isMoney(v) ? { money: v } : undefined;
  if (as === 'flag') return typeof v === 'boolean' ? { flag: v } : undefined;
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  return as === 'date' ? { date: String(v) } : { text: String(v) };
}

/**
 * The facts present in a shipment, in reading order.
 *
 * @example shipmentFacts({ deliveryCost: { amount: '500.00', currency: 'RUB' }, deliveryPaid: true })
 * // [{ key: 'deliveryCost', value: { money: … } }, { key: 'deliveryPaid', value: { flag: true } }]
 */
export function shipmentFacts(shipment: Record<string, unknown>): Fact[] {
  const insurance = record(shipment.insurance);
  const sources: [FactKey, unknown, 'money' | 'date' | 'text' | 'flag'][] = [
    ['deliveryCost', shipment.deliveryCost, 'money'],
    ['deliveryPaid', shipment.deliveryPaid, 'flag'],
    ['declaredValue', insurance.declaredValue, 'money'],
    ['insuredDocumentedValue', insurance.documentedValue, 'money'],
    ['documentedValue', shipment.documentedValue, 'money'],
    ['documentedDamage', shipment.documentedDamage, 'money'],
    ['promisedDate', shipment.promisedDate, 'date'],
    ['shipmentShippedDate', shipment.shippedDate, 'date'],
    ['transitBusinessDays', shipment.transitBusinessDays, 'text'],
    ['deliveredDate', shipment.deliveredDate, 'date'],
    ['asOf', shipment.asOf, 'date'],
    ['calendar', shipment.calendar, 'text'],
  ];
  return sources.flatMap(([key, raw, as]) => {
    const value = valueOf(raw, as);
    return value ? [{ key, value }] : [];
  });
}
