import { z } from '@hono/zod-openapi';
import { REMEDY_KINDS, REMEDY_STATUSES } from '../domain/remedy';
import { ACTOR_ID_DESCRIPTION, MoneySchema } from './common.schema';

const kindDescription =
  '`refund`, `voucher` and `gift` need `value`; `discount_next_order` needs `percent` (and takes no `value`); `free_delivery`, `replacement` and `repair` may say what they cost in `value`.';

/** The body of POST /v1/claims/{id}/remedies. */
export const RemedyOfferSchema = z
  .object({
    kind: z.enum(REMEDY_KINDS).openapi({ description: kindDescription }),
    value: MoneySchema.optional().openapi({
      description:
        'What the remedy is worth, in the claim’s currency. A gift or voucher above the shop’s `remedyLimits.maxGiftValue` is a 422 `remedy-over-limit`',
    }),
    percent: z
      .number({ error: 'must be a whole number from 1 to 100' })
      .int('must be a whole number from 1 to 100')
      .min(1)
      .max(100)
      .optional()
      .openapi({
        example: 10,
        description:
          'Only for `discount_next_order`: whole percent. Above the shop’s `remedyLimits.maxDiscountPercent` is a 422 `remedy-over-limit`',
      }),
    note: z.string().trim().min(1).max(500).optional().openapi({
      example: 'Offered on the phone, 16 June',
      description: 'Kept with the remedy: the shop reads it, whoever wrote it',
    }),
  })
  .strict()
  .openapi('RemedyOffer', { example: { kind: 'discount_next_order', percent: 10 } });

export const RemedySchema = z
  .object({
    id: z
      .string()
      .openapi({ example: 'rm_1', description: '`rm_<n>`: the n-th offer of the claim' }),
    claimId: z.string(),
    kind: z.enum(REMEDY_KINDS),
    value: MoneySchema.optional(),
    percent: z.number().int().optional(),
    note: z.string().optional(),
    status: z.enum(REMEDY_STATUSES).openapi({
      description: '`offered` → `accepted` | `declined` (final: a second answer is a 409)',
    }),
    offeredAt: z.string(),
    offeredBy: z.string().openapi({ description: ACTOR_ID_DESCRIPTION }),
    answeredAt: z.string().optional(),
    answeredBy: z
      .string()
      .optional()
      .openapi({
        description: `Who recorded the customer’s answer. ${ACTOR_ID_DESCRIPTION}`,
      }),
  })
  .openapi('Remedy');

export const RemedyListSchema = z.object({ items: z.array(RemedySchema) }).openapi('RemedyList');

/** The customer's side of a claim, beside what the carrier owes the shop (`compensation`). */
export const CustomerSideSchema = z
  .object({
    remedies: z.array(RemedySchema),
    given: MoneySchema.openapi({
      description:
        'The sum of the accepted remedies’ values (a discount is a percent of an order not yet placed: it adds nothing)',
    }),
  })
  .openapi('CustomerSide');
