import { z } from '@hono/zod-openapi';

const text = (max: number, example: string, description: string) =>
  z.string().min(1).max(max).openapi({ example, description });

/** A CDEK event the sandbox sends through the hook path (`POST /v1/test/carrier-events`). */
export const SandboxEventInputSchema = z
  .object({
    waybill: text(64, '1106207236', 'The CDEK number (our `waybill`) of the test shipment'),
    code: text(
      64,
      'DELIVERED',
      'A CDEK status code (Appendix 1 of CDEK’s API documentation: `CREATED`, `RECEIVED_AT_SHIPMENT_WAREHOUSE`, `SENT_TO_TRANSIT_CITY`, `ACCEPTED_AT_PICK_UP_POINT`, `DELIVERED`, `NOT_DELIVERED`…); an unknown code is kept as a carrier status that changes nothing',
    ),
    at: text(
      40,
      '2026-03-06T14:05:00+0300',
      'When it happened, with the city’s offset (`+0300` as CDEK writes it, or `+03:00`)',
    ),
    orderNumber: text(
      128,
      'O-1001',
      'The shop’s order id as CDEK knows it (`number`): matches when no shipment has the waybill',
    ).optional(),
  })
  .openapi('SandboxEventInput');

/** What recording one notice did. */
export const IngestResultSchema = z
  .object({
    eventId: z.string().openapi({ example: 'cdek:7275…:DELIVERED:1772795100000' }),
    outcome: z.enum(['applied', 'duplicate', 'unmatched', 'refused']).openapi({
      example: 'applied',
      description:
        '`applied` to a shipment; `duplicate`: known already; `unmatched`: no shipment has the waybill or order id yet (kept, applied when one does); `refused` by the shipment rules (kept, with why)',
    }),
    shipmentId: z.string().optional().openapi({ example: 'S-1001-1' }),
    reason: z.string().optional().openapi({ example: 'no_shipment' }),
  })
  .openapi('IngestResult');

/** The sandbox's answer: what each notice did, and the payload CDEK would have sent. */
export const SandboxEventResultSchema = z
  .object({
    results: z.array(IngestResultSchema),
    payload: z.record(z.string(), z.unknown()).openapi({
      description: 'The ORDER_STATUS webhook body CDEK would send for this event',
    }),
  })
  .openapi('SandboxEventResult');
