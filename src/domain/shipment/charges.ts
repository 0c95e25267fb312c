/**
 * A shipment's charges (domain-rules §4): the tariff plus each packaging extra, priced from
 * the carrier's catalogue, with the lines that say so and which of them the policy counts as
 * "the delivery cost" a penalty or refund is computed from.
 */
import Big from 'big.js';
import { DomainError } from '../errors';
import { line, type Line } from '../explain';
import { formatMoney, moneyFromJson, toMoneyJson, type Money, type MoneyJson } from '../money';
import type { CarrierPolicy, PackagingItem } from '../policies';
import type { PackagingOrder, ShipmentFacts } from './types';

/** Packaging extras per shipment at most. @example packaging.length <= MAX_PACKAGING */
export const MAX_PACKAGING = 50;

/** @example { kind: 'packaging', item: 'crate_m', name: 'Inner polystyrene crate for box M', amount: { amount: '130.00', currency: 'RUB' } } */
export interface ChargeItem {
  kind: 'tariff' | 'packaging';
  item?: string;
  name: string;
  amount: MoneyJson;
}

/** @example computeCharges(facts, policy).total // { amount: '645.00', currency: 'RUB' } */
export interface Charges {
  items: ChargeItem[];
  total: MoneyJson;
  /** What a penalty or refund is computed from, per the policy's `deliveryCostIncludes`. */
  deliveryCost: MoneyJson;
  deliveryCostIncludes: CarrierPolicy['shipments']['deliveryCostIncludes'];
  lines: Line[];
}

/**
 * The catalogue entry of `order.item`, or a 422 naming the item and what the carrier sells.
 * @example packagingItem(resolvePolicy('cdek'), { item: 'crate_m' }, '/packaging/0/item').price // { amount: '130.00', currency: 'RUB' }
 */
export function packagingItem(
  policy: CarrierPolicy,
  order: PackagingOrder,
  pointer: string,
): PackagingItem {
  const found = policy.packaging.find((p) => p.id === order.item);
  if (found) return found;
  const known = policy.packaging.map((p) => p.id).join(', ') || 'none';
  const message = `${policy.name} does not sell packaging '${order.item}'; it sells: ${known}`;
  throw new DomainError('invalid-input', message, pointer, { params: { item: order.item, known } });
}

/** The tariff the carrier charges: the quote, or what it charged after re-measuring. */
export interface Tariff {
  amount: Money;
  remeasured?: { date: string; quoted: Money };
}

/**
 * Every charge of a shipment and its lines.
 * @example computeCharges({ ...facts, packaging: [{ item: 'envelope_a4' }] }, { amount: tariff }, policy).total.amount // tariff + 15.00
 */
export function computeCharges(
  facts: Pick<ShipmentFacts, 'packaging'>,
  tariff: Tariff,
  policy: CarrierPolicy,
): Charges {
  if (facts.packaging.length > MAX_PACKAGING) {
    const message = `give at most ${MAX_PACKAGING} packaging items, got ${facts.packaging.length}`;
    throw new DomainError('invalid-input', message, '/packaging');
  }
  const currency = tariff.amount.currency;
  const items: ChargeItem[] = [
    { kind: 'tariff', name: 'Delivery tariff', amount: toMoneyJson(tariff.amount) },
  ];
  const lines: Line[] = [
    tariff.remeasured
      ? line('charges.tariff.remeasured', {
          date: tariff.remeasured.date,
          amount: formatMoney(tariff.amount),
          quoted: formatMoney(tariff.remeasured.quoted),
        })
      : line('charges.tariff', { amount: formatMoney(tariff.amount) }),
  ];
  let packaging = new Big(0);
  facts.packaging.forEach((order, i) => {
    const pointer = `/packaging/${i}/item`;
    const entry = packagingItem(policy, order, pointer);
    const price = moneyFromJson(entry.price, pointer);
    if (price.currency !== currency) {
      const message = `packaging is priced in ${price.currency} but the tariff is in ${currency}; give the tariff in ${price.currency}`;
      throw new DomainError('currency-mismatch', message, '/deliveryCost/currency');
    }
    packaging = packaging.plus(price.amount);
    items.push({ kind: 'packaging', item: entry.id, name: entry.name, amount: entry.price });
    lines.push(
      line('charges.packaging', {
        item: entry.id,
        name: entry.name,
        nameRu: entry.ru,
        price: formatMoney(price),
      }),
    );
  });
  const total: Money = { amount: tariff.amount.amount.plus(packaging), currency };
  const terms = items.map((item) => formatMoney(item.amount)).join(' + ');
  lines.push(line('charges.total', { terms, total: formatMoney(total) }));
  const includes = policy.shipments.deliveryCostIncludes;
  const deliveryCost = includes === 'tariff' ? tariff.amount : total;
  lines.push(
    line(
      includes === 'tariff'
        ? 'charges.delivery_cost.tariff'
        : 'charges.delivery_cost.with_packaging',
      { deliveryCost: formatMoney(deliveryCost) },
    ),
  );
  return {
    items,
    total: toMoneyJson(total),
    deliveryCost: toMoneyJson(deliveryCost),
    deliveryCostIncludes: includes,
    lines,
  };
}
