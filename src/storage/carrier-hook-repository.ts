/**
 * Carrier hooks and the carrier events kept for parcels a shop has no shipment for yet: what
 * the application needs from storage (./dynamodb/carrier-hooks.ts, ./dynamodb/unmatched-events.ts).
 */
import type { HookCarrier } from '../carriers/types';
import type { ShipmentEvent } from '../domain/shipment';
import type { Page, PageRequest } from './repository';

/** A shop's hook: the URL a carrier calls, known by the SHA-256 of its secret token only. */
export interface CarrierHookRecord {
  shopId: string;
  hookId: string;
  carrier: HookCarrier;
  /** Lowercase hex SHA-256 of the token (the token itself is never stored). */
  tokenHash: string;
  /** Where each payload is passed on, unchanged (best effort). */
  forwardTo?: string;
  createdAt: string;
}

/** What an inbound call needs, in one read: whose hook it is. */
export type CarrierHookTarget = Pick<
  CarrierHookRecord,
  'shopId' | 'hookId' | 'carrier' | 'forwardTo'
>;

/**
 * Hooks, per shop. A hook is two items written and deleted together: the record in the
 * shop's partition and its copy under the token's hash.
 *
 * @example
 * await hooks.create(record, 10);
 * const target = await hooks.findByToken(await sha256Hex(token)); // undefined once revoked
 */
export interface CarrierHookRepository {
  /**
   * Writes the hook and its token copy, if the shop has fewer than `max` hooks.
   * @returns false when the shop has `max` hooks already (nothing written).
   * @throws {ConflictError} when the id or the token hash is taken.
   */
  create(record: CarrierHookRecord, max: number): Promise<boolean>;
  /** The shop's hooks by id (strongly consistent). */
  list(shopId: string, page: PageRequest): Promise<Page<CarrierHookRecord>>;
  /**
   * Deletes the hook and its token copy together.
   * @throws {NotFoundError} when the shop has no such hook.
   */
  revoke(shopId: string, hookId: string): Promise<void>;
  /** The live hook of a token hash (strongly consistent: a revoked one is gone at once). */
  findByToken(tokenHash: string): Promise<CarrierHookTarget | undefined>;
}

/** Which parcel a kept event waits for: its waybill, else the shop's order id. */
export type UnmatchedParcel = { waybill: string } | { orderNumber: string };

/** A carrier event kept because no shipment took it (yet). */
export interface UnmatchedEventRecord {
  shopId: string;
  parcel: UnmatchedParcel;
  eventId: string;
  carrier: HookCarrier;
  waybill?: string;
  orderNumber?: string;
  receivedAt: string;
  /** `no_shipment`, `ambiguous`, or `refused: <why>`. */
  reason: string;
  event: ShipmentEvent;
  /** Epoch seconds: the table's TTL removes it after (90 days). */
  expiresAt: number;
}

/**
 * The kept events, per shop and parcel (a partition each), listable per shop newest first.
 *
 * @example
 * if (!(await unmatched.keep(record))) return 'duplicate';
 * for (const e of await unmatched.ofParcel('shop-a', { waybill: '1106207236' })) apply(e);
 */
export interface UnmatchedEventRepository {
  /** Writes the event unless the parcel already keeps one with its id. @returns false: kept already. */
  keep(record: UnmatchedEventRecord): Promise<boolean>;
  /** Rewrites the reason of a kept event (it exists). */
  setReason(
    shopId: string,
    parcel: UnmatchedParcel,
    eventId: string,
    reason: string,
  ): Promise<void>;
  /** Every event kept for the parcel, strongly consistent, following LastEvaluatedKey. */
  ofParcel(shopId: string, parcel: UnmatchedParcel): Promise<UnmatchedEventRecord[]>;
  /** Forgets a kept event (applied after all); forgetting a missing one is no error. */
  remove(shopId: string, parcel: UnmatchedParcel, eventId: string): Promise<void>;
  /**
   * The shop's kept events, newest first (from an index: one just kept may take a moment).
   * @throws {InvalidCursorError} for a cursor not issued to this caller for this shop.
   */
  list(shopId: string, page: PageRequest): Promise<Page<UnmatchedEventRecord>>;
}
