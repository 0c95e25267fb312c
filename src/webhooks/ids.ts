/**
 * Endpoint and delivery ids. A delivery's id names where it is kept (its endpoint, its
 * event's instant and id), so it is found with one read and never needs an index.
 */

/** @example newEndpointId() // 'we_3f2b8c1d4e5f60718293a4b5c6d7e8f9' */
export const newEndpointId = (): string => `we_${crypto.randomUUID().replaceAll('-', '')}`;

const ENDPOINT_ID = /^we_[0-9a-f]{32}$/;
const DELIVERY_ID = /^wd_([0-9a-f]{32})_(\d{1,13})_(evt_.+)$/;

/** Whether `id` is an endpoint id this API hands out. */
export const isEndpointId = (id: string): boolean => ENDPOINT_ID.test(id);

/**
 * The id of an event's delivery to an endpoint.
 * @example deliveryId('we_<32 hex>', '2026-12-07T06:00:00.000Z', 'evt_1') // 'wd_<32 hex>_1796623200000_evt_1'
 */
export const deliveryId = (endpointId: string, eventTimestamp: string, eventId: string): string =>
  `wd_${endpointId.slice(3)}_${Date.parse(eventTimestamp)}_${eventId}`;

/**
 * What a delivery id names, or undefined when it is none.
 * @example parseDeliveryId(deliveryId(e, t, 'evt_1'))?.eventId // 'evt_1'
 */
export function parseDeliveryId(
  id: string,
): { endpointId: string; eventMs: number; eventId: string } | undefined {
  const match = DELIVERY_ID.exec(id);
  if (!match) return undefined;
  return { endpointId: `we_${match[1]}`, eventMs: Number(match[2]), eventId: match[3] ?? '' };
}
