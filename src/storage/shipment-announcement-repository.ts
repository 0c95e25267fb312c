/**
 * The bookkeeping of the shipment webhooks (issue 23, src/services/shipment-announcements.ts):
 * a mark per shipment whose delivery is being recorded, kept until `shipment.delivered` is
 * announced, and where the daily pass over the late view is.
 */

/** A shipment whose delivery may have been recorded and not announced yet. */
export interface DeliveryMark {
  shopId: string;
  shipmentId: string;
  /** When the mark was put (before the event's write). */
  at: string;
}

/** Where today's pass over the late view is (`done`: it reached the end today). */
export interface LatePassCursor {
  day: string;
  next?: string;
  done: boolean;
}

export interface ShipmentAnnouncementRepository {
  /** Marks the shipment (again: the mark moves to `at`). */
  markDelivery(mark: DeliveryMark): Promise<void>;
  /** Up to `limit` marks, every shard's. */
  deliveryMarks(limit: number): Promise<DeliveryMark[]>;
  /** Removes the mark, unless it was put again since (`at` differs). */
  clearDelivery(mark: DeliveryMark): Promise<void>;
  /** Whether the shop's event `eventId` is recorded (the outbox's guard: 30 days). */
  announced(shopId: string, eventId: string): Promise<boolean>;
  latePass(): Promise<LatePassCursor | undefined>;
  saveLatePass(cursor: LatePassCursor, at: string): Promise<void>;
}
