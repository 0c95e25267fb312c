/**
 * JSON-shaped values ⇄ DynamoDB attribute values, by hand (no util-dynamodb).
 * Only what JSON can hold is accepted, so what is stored reads back equal:
 * strings, finite numbers, booleans, null, arrays and plain objects.
 * `undefined` object properties are skipped, as JSON.stringify would.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type Item = Record<string, AttributeValue>;

/**
 * @example
 * toAttribute({ amount: '12.50' }); // { M: { amount: { S: '12.50' } } }
 */
export function toAttribute(value: unknown, path = '$'): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path}: cannot store ${value}`);
    return { N: String(value) };
  }
  if (Array.isArray(value)) {
    return { L: value.map((entry, index) => toAttribute(entry, `${path}[${index}]`)) };
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return { M: toItem(value as Record<string, unknown>, path) };
  }
  throw new TypeError(`${path}: cannot store a ${typeof value}`);
}

/**
 * @example
 * toItem({ id: 'clm_1', version: 1 }); // { id: { S: 'clm_1' }, version: { N: '1' } }
 */
export function toItem(record: object, path = '$'): Item {
  const item: Item = {};
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) item[key] = toAttribute(value, `${path}.${key}`);
  }
  return item;
}

/**
 * @example
 * fromAttribute({ N: '1.5' }); // 1.5
 */
export function fromAttribute(attribute: AttributeValue): unknown {
  if (attribute.S !== undefined) return attribute.S;
  if (attribute.N !== undefined) return Number(attribute.N);
  if (attribute.BOOL !== undefined) return attribute.BOOL;
  if (attribute.NULL !== undefined) return null;
  if (attribute.L !== undefined) return attribute.L.map(fromAttribute);
  if (attribute.M !== undefined) return fromItem(attribute.M);
  throw new TypeError(`unsupported attribute type: ${Object.keys(attribute).join(',')}`);
}

/**
 * The plain object of an item, without the attributes named in `omit`.
 *
 * @example
 * fromItem(item, KEY_ATTRIBUTES) as Claim;
 */
export function fromItem(
  item: Item,
  omit: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, attribute] of Object.entries(item)) {
    if (!omit.has(key)) record[key] = fromAttribute(attribute);
  }
  return record;
}

/** A string attribute, or undefined if absent or not a string. */
export function stringOf(item: Item | undefined, name: string): string | undefined {
  return item?.[name]?.S;
}

/** A number attribute, or undefined if absent or not a number. */
export function numberOf(item: Item | undefined, name: string): number | undefined {
  const n = item?.[name]?.N;
  return n === undefined ? undefined : Number(n);
}
