/**
 * Opaque pagination cursors: base64url(JSON) of the index name and the key of
 * the last item returned. Validated on the way back in, so a cursor from
 * another filter (or a forged one) is an `InvalidCursorError`, not a 500.
 */
import { InvalidCursorError } from '../errors';
import { INDEXES } from '../table';
import type { Item } from './codec';
import type { QueryPlan } from './list-plan';

const MAX_CURSOR_LENGTH = 2048;

/** The base-table and index key attributes of an index, as the Query needs them. */
function keyAttributes(plan: QueryPlan): string[] {
  const index = INDEXES[plan.index];
  return [...new Set(['pk', 'sk', index.pk, index.sk])];
}

/**
 * @example
 * encodeCursor(plan, lastItem); // 'eyJpIjoiYnlTaG9wIiwi...'
 */
export function encodeCursor(plan: QueryPlan, item: Item): string {
  const key: Record<string, string> = {};
  for (const name of keyAttributes(plan)) {
    const value = item[name]?.S;
    if (value === undefined) throw new Error(`item lacks key attribute ${name}`);
    key[name] = value;
  }
  return toBase64Url(JSON.stringify({ i: plan.index, k: key }));
}

/**
 * The ExclusiveStartKey for `plan`, or `InvalidCursorError`.
 *
 * @example
 * const startKey = decodeCursor(page.cursor, plan);
 */
export function decodeCursor(cursor: string, plan: QueryPlan): Item {
  const invalid = (why: string) => new InvalidCursorError(`Invalid cursor: ${why}`);
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalid('not a cursor');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw invalid('not a cursor');
  }
  const { i, k } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
    i?: unknown;
    k?: unknown;
  };
  if (i !== plan.index || typeof k !== 'object' || k === null) {
    throw invalid('issued for another filter');
  }
  const names = keyAttributes(plan);
  const entries = Object.entries(k);
  const wellFormed =
    entries.length === names.length &&
    entries.every(
      ([name, value]) => names.includes(name) && typeof value === 'string' && value !== '',
    );
  if (!wellFormed) throw invalid('not a cursor');
  const key = Object.fromEntries(entries) as Record<string, string>;
  const index = INDEXES[plan.index];
  const sortKey = key[index.sk] ?? '';
  if (
    key[index.pk] !== plan.partition ||
    (plan.sortBelow !== undefined && sortKey >= plan.sortBelow)
  ) {
    throw invalid('issued for another filter');
  }
  return Object.fromEntries(entries.map(([name, value]) => [name, { S: value as string }]));
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
}
