import { z } from '@hono/zod-openapi';
import type { ShipmentClaimRequest } from '../domain/shipment';
import type { OrderWithClaims, ShipmentWithClaims } from '../services/shipment-claims';
import { FilingTextFields } from './claim.schema';
import { CurrencySchema, MoneySchema } from './common.schema';
import { OrderSchema, ShipmentClaimRefSchema, ShipmentSchema } from './shipment.schema';

/** The body of POST /v1/shipments/{shipmentId}/claims: only what the shipment cannot know. */
export const ShipmentClaimRequestSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('late'), ...FilingTextFields }),
    z.object({
      type: z.literal('lost'),
      ...FilingTextFields,
      documentedValue: MoneySchema.optional().openapi({
        description:
          'The documented value of the contents (invoice, receipt); for an insured shipment it is the insurance’s `documentedValue`',
      }),
    }),
    z.object({
      type: z.literal('damaged'),
      ...FilingTextFields,
      documentedDamage: MoneySchema.optional().openapi({
        description: 'The damage proven by documents (repair estimate, invoice, receipt)',
      }),
    }),
  ])
  .openapi('ShipmentClaimRequest', {
    example: { type: 'late', description: 'Promised by 5 June, still on its way' },
  }) satisfies z.ZodType<ShipmentClaimRequest>;

// Defined beside the shipment's schemas: the late listing's items carry one too.
export { ShipmentClaimRefSchema };

export const ClaimTotalsSchema = z
  .object({
    currency: CurrencySchema,
    claims: z.number().int().openapi({ description: 'Claims counted' }),
    computed: MoneySchema,
    approved: MoneySchema,
    paid: MoneySchema,
  })
  .openapi('ClaimTotals');

/** A shipment with the claims filed for its parcel (its shop, carrier and waybill). */
export const ShipmentWithClaimsSchema = ShipmentSchema.extend({
  claims: z.array(ShipmentClaimRefSchema).openapi({
    description:
      'The claims filed for this parcel (the shop’s, by carrier and waybill), newest first',
  }),
}).openapi('ShipmentWithClaims') satisfies z.ZodType<ShipmentWithClaims>;

export const OrderWithClaimsSchema = OrderSchema.extend({
  shipments: z.array(ShipmentWithClaimsSchema),
  claimTotals: z.array(ClaimTotalsSchema).openapi({
    description:
      'What its shipments’ claims computed, approved and paid, per currency. Withdrawn (cancelled) and rejected claims are not counted.',
  }),
}).openapi('OrderWithClaims') satisfies z.ZodType<OrderWithClaims>;
