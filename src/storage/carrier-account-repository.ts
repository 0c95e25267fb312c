/**
 * A shop's API credentials at a carrier (CDEK: client id and secret), kept sealed, for the
 * daily reconciliation (src/services/carrier-reconciliation.ts). See
 * ./dynamodb/carrier-account-repository.ts for the items.
 */
import type { HookCarrier } from '../carriers/types';

/** A shop's account at a carrier, as stored: the credentials only ever sealed. */
export interface CarrierAccountRecord {
  shopId: string;
  carrier: HookCarrier;
  /** The credentials, sealed with CARRIER_SECRET, bound to the shop and the carrier. */
  sealed: string;
  /** The client id as answers show it: masked (src/services/carrier-accounts.ts). */
  clientIdHint: string;
  createdAt: string;
  updatedAt: string;
  /** +1 on every PUT of credentials: the cron's marks land only on the credentials they read. */
  version: number;
  /** The day (UTC, YYYY-MM-DD) the reconciliation last finished the shop. */
  reconciledOn?: string;
  /** Where the day's reconciliation of the shop stopped: the last shipment id it read. */
  reconcileAfter?: string;
  /** When CDEK refused these credentials: skipped by the reconciliation until new ones come. */
  refusedAt?: string;
}

/** New credentials for a shop's account. */
export type CarrierCredentialsWrite = Pick<
  CarrierAccountRecord,
  'shopId' | 'carrier' | 'sealed' | 'clientIdHint' | 'updatedAt'
>;

/** What the reconciliation records on an account; `reconcileAfter: null` removes it. */
export interface CarrierAccountMark {
  reconciledOn?: string;
  reconcileAfter?: string | null;
  refusedAt?: string;
}

/** A page of every shop's accounts (one shard of the listing); `last`: the next page's `after`. */
export interface CarrierAccountPage {
  items: CarrierAccountRecord[];
  last?: string;
}

/**
 * @example
 * const { record, created } = await carrierAccounts.put({ shopId, carrier: 'cdek', sealed, clientIdHint, updatedAt });
 */
export interface CarrierAccountRepository {
  /** Strongly consistent. */
  get(shopId: string, carrier: HookCarrier): Promise<CarrierAccountRecord | undefined>;
  /**
   * Creates the account (`created`) or gives it new credentials (version + 1, a refusal
   * forgotten, the day's progress kept: a shop is still reconciled at most once a day).
   */
  put(write: CarrierCredentialsWrite): Promise<{ record: CarrierAccountRecord; created: boolean }>;
  /** Removes the account; false when there was none. */
  delete(shopId: string, carrier: HookCarrier): Promise<boolean>;
  /**
   * Records the reconciliation's progress or a refusal, if the account still holds the
   * credentials of `version` (a PUT meanwhile wins: `moved`, nothing written).
   */
  mark(
    shopId: string,
    carrier: HookCarrier,
    version: number,
    mark: CarrierAccountMark,
  ): Promise<'written' | 'moved'>;
  /** The number of shards of the listing (VIEW_SHARDS). */
  readonly shards: number;
  /** A page of one shard of every shop's accounts, after `after` (eventually consistent). */
  list(page: { shard: number; limit: number; after?: string }): Promise<CarrierAccountPage>;
  /** Where the reconciliation's pass over the accounts stands (one item; the cron's alone). */
  getCursor(): Promise<ReconciliationCursor | undefined>;
  putCursor(cursor: ReconciliationCursor): Promise<void>;
}

/**
 * The day's pass over every account: the shard of the listing it is in and the last account
 * it finished there; `done` once every shard is through (the next day starts again).
 */
export interface ReconciliationCursor {
  day: string;
  shard: number;
  after?: string;
  done?: boolean;
}
