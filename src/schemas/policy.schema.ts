import { z } from '@hono/zod-openapi';
import { EVIDENCE_KINDS } from '../domain/evidence';
import { RESCHEDULE_REASONS, type CarrierPolicy } from '../domain/policies';
import { CurrencySchema, MoneySchema, orNull } from './common.schema';

const UninsuredRuleSchema = z
  .discriminatedUnion('basis', [
    z.object({ basis: z.literal('flat'), amount: MoneySchema }),
    z.object({ basis: z.literal('delivery_cost_multiple'), factor: z.string() }),
    z.object({
      basis: z.literal('documented'),
      limit: orNull(
        z.union([z.object({ flat: MoneySchema }), z.object({ deliveryCostMultiple: z.string() })]),
      ),
    }),
    z.object({ basis: z.literal('none') }),
  ])
  .openapi('UninsuredRule');

const Evidence = z.array(z.enum(EVIDENCE_KINDS));

/** A carrier's rules, as data: what every number in a result was computed with. */
export const PolicySchema = z
  .object({
    id: z.string().openapi({ example: 'cdek' }),
    version: z.string().openapi({ example: '2025-01' }),
    name: z.string(),
    source: z.string(),
    ru: z.object({ name: z.string(), source: z.string() }),
    currency: CurrencySchema,
    notes: z.array(
      z.object({
        topic: z.enum(['weight', 'late', 'lost', 'damaged', 'claims']),
        when: z.enum(['insured', 'uninsured']).optional().openapi({
          description:
            'Only for parcels of this case (lost and damaged topics); without it the note is about every parcel of its topic.',
        }),
        en: z.string(),
        ru: z.string(),
      }),
    ),
    weight: z.object({
      divisor: z.number().int(),
      roundingStepKg: z.string(),
      rounding: z.literal('up'),
    }),
    late: z.object({
      ratePerDay: z.string().openapi({ example: '0.03' }),
      dayBasis: z.enum(['business', 'calendar']),
      cap: orNull(z.object({ fractionOfDeliveryCost: z.string() })),
    }),
    lost: z.object({
      refundDeliveryCostWhenPaid: z.boolean(),
      refundDeliveryCostWhenUninsured: z.boolean(),
      uninsured: UninsuredRuleSchema,
    }),
    damaged: z.object({ uninsured: UninsuredRuleSchema }),
    claims: z.object({
      filingWindowMonths: z.number().int(),
      filingWindowFrom: z.literal('shipped'),
      answerWithinDays: z.number().int(),
      evidence: z.object({ late: Evidence, lost: Evidence, damaged: Evidence }),
      email: z.email().optional().openapi({
        example: 'pretenzia@cdek.ru',
        description: 'Where the carrier takes written claims, as its public FAQ gives it',
      }),
    }),
    customerCare: z.object({
      acknowledgeWithinMinutes: z.number().int().positive().openapi({
        example: 60,
        description:
          'A filed claim is to be acknowledged to the customer within this many minutes: its `acknowledgeBy`',
      }),
    }),
    packaging: z
      .array(
        z.object({
          id: z.string().openapi({ example: 'envelope_a4' }),
          kind: z.enum(['crate', 'envelope']),
          name: z.string(),
          ru: z.string(),
          sizeMm: z
            .object({ width: z.number().int(), height: z.number().int(), flap: z.number().int() })
            .optional()
            .openapi({ description: 'An envelope’s size: width × height plus the flap, mm' }),
          price: MoneySchema,
        }),
      )
      .openapi({ description: 'Packaging extras the carrier sells; only these can be charged' }),
    shipments: z.object({
      deliveryCostIncludes: z.enum(['tariff', 'tariff_and_packaging']).openapi({
        description: 'Which charges are “the delivery cost” a penalty or refund is computed from',
      }),
      rescheduleMovesDeadline: z.array(z.enum(RESCHEDULE_REASONS)).openapi({
        description:
          'Reschedule reasons that move the deadline; otherwise lateness counts from the date first promised',
      }),
    }),
  })
  .openapi('Policy') satisfies z.ZodType<CarrierPolicy>;

export const PolicyListSchema = z.object({ items: z.array(PolicySchema) }).openapi('PolicyList');

export const PolicyParamsSchema = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'cdek' }),
});
