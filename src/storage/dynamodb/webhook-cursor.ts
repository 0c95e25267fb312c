/**
 * Listing cursors of the webhook listings: the last key read, sealed (./../../lib/sealed.ts)
 * and bound to the listing it came from, so it cannot be read, altered or used elsewhere.
 */
import { open, seal } from '../../lib/sealed';
import { InvalidCursorError } from '../errors';
import type { Item } from './codec';

const PURPOSE = 'parcel-claims webhook cursor v1';

/** @example await sealCursor(secret, 'deliveries s we_1', page.LastEvaluatedKey) */
export async function sealCursor(
  secret: string,
  boundTo: string,
  last: Item | undefined,
): Promise<string | undefined> {
  if (last === undefined) return undefined;
  const plain = JSON.stringify({ pk: last.pk?.S, sk: last.sk?.S });
  return seal({ secret, purpose: PURPOSE, boundTo }, plain);
}

/** @throws {InvalidCursorError} when the cursor is not one this listing handed out. */
export async function openCursor(
  secret: string,
  boundTo: string,
  cursor: string | undefined,
): Promise<Item | undefined> {
  if (cursor === undefined) return undefined;
  const plain = await open({ secret, purpose: PURPOSE, boundTo }, cursor);
  if (plain === undefined) throw new InvalidCursorError('cursor was issued for another listing');
  const { pk, sk } = JSON.parse(plain) as { pk: string; sk: string };
  return { pk: { S: pk }, sk: { S: sk } };
}
