import { z } from '@hono/zod-openapi';
import Big from 'big.js';
import { GROUP_BY, MAX_RANGE_DAYS, rangeDays } from '../domain/analytics';
import { isValidIsoDate } from '../domain/calendar/dates';
import type { AnalyticsAnswer } from '../services/analytics';
import { CLAIM_CAUSES } from '../domain/claim';
import { AsOfSchema, CurrencySchema, IsoDateSchema, MoneySchema } from './common.schema';

/** The query of GET /v1/analytics/claims: a range of at most MAX_RANGE_DAYS days. */
export const AnalyticsQuerySchema = z
  .object({
    from: IsoDateSchema.openapi({
      description: 'First day (UTC) of the range',
      example: '2026-11-01',
    }),
    to: IsoDateSchema.openapi({
      description: `Last day (UTC) of the range, included; at most ${MAX_RANGE_DAYS} days after \`from\``,
      example: '2026-11-30',
    }),
    groupBy: z.enum(GROUP_BY).default('carrier').openapi({
      description:
        'carrier, cause or type: one group per value with claims; week (ISO, `2026-W48`) or month (`2026-11`): one group per period the range touches, empty ones included',
    }),
    currency: CurrencySchema.default('RUB').openapi({
      description:
        'The money figures are of this currency (a claim’s money is never converted); counts are of every currency',
    }),
    shopId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: 'Clerk keys only: one shop' }),
    multiple: z
      .string()
      .superRefine((text, ctx) => {
        // One check, so the amount is only read once it is known to be a decimal.
        if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) {
          ctx.addIssue({ code: 'custom', message: 'must be a decimal such as 2 or 1.5' });
        } else if (new Big(text).lt(1)) {
          ctx.addIssue({ code: 'custom', message: 'must be at least 1' });
        }
      })
      .optional()
      .openapi({
        description:
          'The systemic-fault flag’s threshold: a carrier × cause is flagged for a week whose count exceeds this many times its trailing 8-week average (and is at least 3). Default 2',
        example: '2',
      }),
  })
  .superRefine((query, ctx) => {
    // Runs even when a date failed its own check: compare only two real dates.
    if (!isValidIsoDate(query.from) || !isValidIsoDate(query.to)) return;
    if (query.to < query.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `is before from (${query.from})` });
    } else if (rangeDays(query.from, query.to) > MAX_RANGE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `is more than ${MAX_RANGE_DAYS} days after from (${query.from}); ask for a shorter range`,
      });
    }
  });

// One rule for every figure: a claim adds to the money figures exactly when it adds to `count`.
const FiguresShape = {
  count: z.number().int().openapi({
    description:
      'Claims filed, whatever their status (open, approved, rejected, paid); withdrawn (cancelled) ones are not counted',
  }),
  computed: MoneySchema.openapi({
    description: 'What the calculators computed at filing, for the claims `count` counts',
  }),
  approved: MoneySchema.openapi({ description: 'What the desk approved' }),
  paid: MoneySchema.openapi({ description: 'What was paid out' }),
  given: MoneySchema.openapi({
    description:
      'The value of the remedies the customers accepted, for the claims `count` counts: open, approved, rejected and paid claims alike; nothing of a withdrawn claim, even a remedy accepted before the withdrawal (a discount, a percent, adds nothing)',
  }),
};

export const AnalyticsGroupSchema = z
  .object({ key: z.string().openapi({ example: 'cdek' }), ...FiguresShape })
  .openapi('AnalyticsGroup');

export const FaultFlagSchema = z
  .object({
    carrier: z.string().openapi({ example: 'cdek' }),
    cause: z.enum(CLAIM_CAUSES),
    week: z.string().openapi({ example: '2026-W48' }),
    count: z.number().int(),
    trailingAverage: z.number().openapi({
      description: 'Mean claims per week of this carrier and cause over the 8 weeks before',
      example: 0.5,
    }),
  })
  .openapi('FaultFlag');

export const AnalyticsReportSchema = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    groupBy: z.enum(GROUP_BY),
    currency: CurrencySchema,
    shopId: z.string().optional().openapi({ description: 'The shop counted; absent: every shop' }),
    asOf: AsOfSchema,
    groups: z.array(AnalyticsGroupSchema),
    totals: z.object(FiguresShape).openapi('AnalyticsTotals'),
    flags: z.array(FaultFlagSchema).openapi({
      description:
        'Systemic faults: each carrier × cause whose claims in a week of the range exceed `multiple` times its trailing 8-week average, with at least 3 claims',
    }),
  })
  .openapi('AnalyticsReport') satisfies z.ZodType<AnalyticsAnswer>;
