/**
 * CDEK's times and our event ids. CDEK writes an instant with the offset of the city it
 * happened in, often without a colon (`2026-03-03T01:30:00+0700`); the shipment rules take
 * ISO instants with `+07:00`, whose date is the local day (lateness counts local business
 * days, so the offset is kept, never turned into UTC).
 */
import { parseInstant } from '../../domain/shipment';

/** A CDEK time, read: our instant (local offset kept) and the milliseconds it names. */
export interface CdekInstant {
  at: string;
  ms: number;
}

/** Date and time, then Z or an offset as `+07`, `+0700` or `+07:00`; a space for the T taken. */
const CDEK_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|z|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * Our instant for a CDEK time, or undefined when it is none (no offset: the day would be a
 * guess).
 * @example readCdekInstant('2026-03-03T01:30:00+0700')?.at // '2026-03-03T01:30:00+07:00'
 * @example readCdekInstant('2026-03-03T01:30:00') // undefined
 */
export function readCdekInstant(value: unknown): CdekInstant | undefined {
  if (typeof value !== 'string') return undefined;
  const [, date, time, zone] = CDEK_TIME.exec(value.trim()) ?? [];
  if (date === undefined || time === undefined || zone === undefined) return undefined;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const at = `${date}T${time}${zone.length === 3 ? `${zone}:00` : offset}`;
  try {
    return { at, ms: parseInstant(at, '/at').ms };
  } catch {
    return undefined;
  }
}

/**
 * The same instant written CDEK's way, with its offset and no colon.
 * @example cdekTime('2026-03-03T01:30:00+07:00') // '2026-03-03T01:30:00+0700'
 * @example cdekTime('2026-03-03T01:30:00Z') // '2026-03-03T01:30:00+0000'
 */
export function cdekTime(at: string): string {
  return at.replace(/Z$/, '+0000').replace(/([+-]\d{2}):(\d{2})$/, '$1$2');
}

/** The schema's limit for an event id. */
export const MAX_EVENT_ID = 128;

/**
 * The id of one report, the same whichever way it reached us (the hook, the reconciliation,
 * a resend): CDEK's order uuid, the code, and the instant in UTC (the hook and the API may
 * write the same time with different offsets). An id over the schema's 128 characters keeps
 * its start and ends in a hash of the whole, so it stays stable and apart.
 * @example cdekEventId('72753031-…', 'DELIVERED', Date.UTC(2026, 2, 2, 18, 30)) // 'cdek:72753031-…:DELIVERED:2026-03-02T18:30:00.000Z'
 */
export function cdekEventId(orderKey: string, code: string, ms: number): string {
  const id = `cdek:${orderKey}:${code}:${new Date(ms).toISOString()}`;
  if (id.length <= MAX_EVENT_ID) return id;
  const hash = `${fnv1a(id, 0x811c9dc5)}${fnv1a(id, 0x050c5d1f)}`;
  return `${id.slice(0, MAX_EVENT_ID - hash.length - 1)}~${hash}`;
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits: synchronous, the same everywhere. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A uuid-shaped id derived from a text, the same for the same text: what the sandbox gives as
 * CDEK's order uuid, so a resent test event dedupes as a real resend does.
 * @example derivedUuid('1106207236') === derivedUuid('1106207236') // true
 */
export function derivedUuid(text: string): string {
  const hex = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x68e31da4]
    .map((seed) => fnv1a(text, seed))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
