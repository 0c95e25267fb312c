/**
 * How long a settled record keeps its customer's personal data. 152-FZ art. 5(7) and 21(4):
 * once the purpose is met, the data is destroyed within 30 days, unless a law or the contract
 * says to keep it. A claim's record serves the shop's defence against the customer's and the
 * carrier's claims for as long as those can be brought: the general limitation period, three
 * years (Civil Code art. 196), hence the default of 1095 days after settling. A shop may set
 * a shorter or longer period (PUT /v1/shop `personalData.retainDays`).
 */
import { FINAL_STATUSES, type ClaimStatus } from '../claim';
import type { ShipmentStatus } from '../shipment';

/** Days after settling, when the shop sets none: three years (Civil Code art. 196). */
export const DEFAULT_RETAIN_DAYS = 1095;
/** The bounds of `personalData.retainDays`: from one day to ten years (Civil Code art. 196(2)). */
export const RETAIN_DAYS_MIN = 1;
export const RETAIN_DAYS_MAX = 3650;

/**
 * Whether a claim is settled: its status is final (paid, rejected, cancelled). An approved
 * claim is not: it is still to be paid, and the payment needs the customer's details.
 *
 * @example isClaimSettled('paid') // true
 * @example isClaimSettled('approved') // false
 */
export const isClaimSettled = (status: ClaimStatus): boolean => FINAL_STATUSES.includes(status);

/** Shipment statuses after which nothing more happens to the parcel. */
const FINAL_SHIPMENT: readonly ShipmentStatus[] = ['delivered', 'received', 'cancelled'];

/**
 * Whether an order is settled: every shipment in a final status and no claim of it open.
 *
 * @example isOrderSettled(['delivered', 'cancelled'], 0) // true
 */
export const isOrderSettled = (statuses: readonly ShipmentStatus[], openClaims: number): boolean =>
  openClaims === 0 && statuses.length > 0 && statuses.every((s) => FINAL_SHIPMENT.includes(s));

/**
 * The day (UTC, YYYY-MM-DD) a record settled at `settledAt` is due for erasure.
 *
 * @example retentionDueDay('2025-03-01T10:00:00.000Z', 1095) // '2028-02-29'
 */
export function retentionDueDay(settledAt: string, retainDays: number): string {
  const start = Date.UTC(
    Number(settledAt.slice(0, 4)),
    Number(settledAt.slice(5, 7)) - 1,
    Number(settledAt.slice(8, 10)),
  );
  return new Date(start + retainDays * 86_400_000).toISOString().slice(0, 10);
}
