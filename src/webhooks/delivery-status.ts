/**
 * A delivery's state: `pending` (being tried), `succeeded` (a 2xx came back), `failed` (its
 * last scheduled attempt failed, its endpoint answered 410 Gone, or was disabled or deleted).
 * @example DELIVERY_STATUSES.includes('failed') // true
 */
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
/** @example const s: DeliveryStatus = 'pending'; */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
