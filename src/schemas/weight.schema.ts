import { z } from '@hono/zod-openapi';
import type { WeightInput, WeightResult } from '../domain/weight';
import { requestExamples } from './examples';
import { CarrierIdSchema, LineSchema, PolicyRefSchema, positiveDecimal } from './common.schema';

export const PackageSchema = z
  .object({
    lengthCm: positiveDecimal('centimetres', 10_000),
    widthCm: positiveDecimal('centimetres', 10_000),
    heightCm: positiveDecimal('centimetres', 10_000),
    weightKg: positiveDecimal('kilograms', 100_000),
  })
  .openapi('Package');

export const WeightRequestSchema = z
  .object({
    carrier: CarrierIdSchema.optional(),
    divisor: z
      .number()
      .int('must be a whole number')
      .min(1000)
      .max(10_000)
      .optional()
      .openapi({ example: 5000, description: 'Overrides the policy divisor (e.g. 4000, 6000)' }),
    packages: z.array(PackageSchema).min(1, 'needs at least one package').max(100),
  })
  .openapi('WeightRequest', { example: requestExamples.weight }) satisfies z.ZodType<WeightInput>;

export const PackageWeightSchema = z
  .object({
    volumetricKg: z.string().openapi({ example: '4.800' }),
    physicalKg: z.string().openapi({ example: '2.500' }),
    chargeableKg: z.string().openapi({ example: '4.800' }),
    basis: z.enum(['volumetric', 'physical']),
  })
  .openapi('PackageWeight');

export const WeightResultSchema = z
  .object({
    packages: z.array(PackageWeightSchema),
    totalChargeableKg: z.string().openapi({ example: '6.000' }),
    divisor: z.number().int(),
    roundingStepKg: z.string().openapi({ example: '0.001' }),
    lines: z.array(LineSchema),
    policy: PolicyRefSchema,
  })
  .openapi('WeightResult') satisfies z.ZodType<WeightResult>;
