import { z } from '@hono/zod-openapi';
import { CALENDAR_COUNTRIES } from '../domain/calendar';
import type {
  DamagedInput,
  LateInput,
  LateResult,
  LossResult,
  LostInput,
} from '../domain/compensation';
import { LOSS_COMPONENT_KINDS } from '../domain/compensation';
import { EVIDENCE_KINDS } from '../domain/evidence';
import {
  CarrierIdSchema,
  IsoDateSchema,
  LineSchema,
  MoneySchema,
  orNull,
  PolicyRefSchema,
} from './common.schema';
import { requestExamples } from './examples';

const CalendarCountrySchema = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(CALENDAR_COUNTRIES, { error: `must be one of ${CALENDAR_COUNTRIES.join(', ')}` }))
  .openapi({ type: 'string', enum: [...CALENDAR_COUNTRIES], example: 'RU' });

export const LateRequestSchema = z
  .object({
    deliveryCost: MoneySchema,
    promisedDate: IsoDateSchema.optional().openapi({
      description: 'The date promised to the payer',
    }),
    shippedDate: IsoDateSchema.optional().openapi({ description: 'With transitBusinessDays' }),
    transitBusinessDays: z.number().int().min(0).max(365).optional(),
    deliveredDate: IsoDateSchema.optional(),
    asOf: IsoDateSchema.optional().openapi({
      description: 'Count up to this date while undelivered',
    }),
    calendar: CalendarCountrySchema.optional().openapi({ description: 'Default RU' }),
    carrier: CarrierIdSchema.optional(),
  })
  .openapi('LateRequest', { example: requestExamples.late }) satisfies z.ZodType<LateInput>;

export const LateResultSchema = z
  .object({
    promisedDate: IsoDateSchema,
    lateUntil: IsoDateSchema,
    delivered: z.boolean(),
    businessDaysLate: z.number().int(),
    daysLate: z.number().int(),
    dayBasis: z.enum(['business', 'calendar']),
    lateDates: z.array(IsoDateSchema),
    lateDatesTruncated: z.boolean(),
    ratePerDay: z.string(),
    uncappedAmount: MoneySchema,
    cap: orNull(MoneySchema),
    amount: MoneySchema,
    capped: z.boolean(),
    lines: z.array(LineSchema),
    policy: PolicyRefSchema,
  })
  .openapi('LateResult') satisfies z.ZodType<LateResult>;

export const InsuranceSchema = z
  .object({
    declaredValue: MoneySchema,
    documentedValue: MoneySchema.optional().openapi({
      description: 'Value proven by an invoice or receipt; without it the insured part waits',
    }),
  })
  .openapi('Insurance');

export const LostRequestSchema = z
  .object({
    deliveryCost: MoneySchema,
    deliveryPaid: z.boolean().optional().openapi({ description: 'Default true' }),
    insurance: orNull(InsuranceSchema).optional(),
    documentedValue: MoneySchema.optional().openapi({
      description: 'Documented value of uninsured contents (policies that pay it)',
    }),
    carrier: CarrierIdSchema.optional(),
  })
  .openapi('LostRequest', { example: requestExamples.lost }) satisfies z.ZodType<LostInput>;

export const DamagedRequestSchema = z
  .object({
    deliveryCost: MoneySchema,
    insurance: orNull(z.object({ declaredValue: MoneySchema })).optional(),
    documentedDamage: MoneySchema.optional().openapi({
      description: 'Damage proven by documents (repair estimate, invoice)',
    }),
    carrier: CarrierIdSchema.optional(),
  })
  .openapi('DamagedRequest', {
    example: requestExamples.damaged,
  }) satisfies z.ZodType<DamagedInput>;

export const LossResultSchema = z
  .object({
    amount: MoneySchema,
    components: z.array(
      z
        .object({ kind: z.enum(LOSS_COMPONENT_KINDS), amount: MoneySchema, payable: z.boolean() })
        .openapi('CompensationComponent'),
    ),
    missingEvidence: z.array(z.enum(EVIDENCE_KINDS)).openapi({
      description:
        'The documents the amount waits for (its parts with `payable: false`). In a claim this is fixed at filing; the claim’s own `missingEvidence` also holds the policy’s checklist and shrinks as evidence is added.',
    }),
    lines: z.array(LineSchema),
    policy: PolicyRefSchema,
  })
  .openapi('LossResult') satisfies z.ZodType<LossResult>;
