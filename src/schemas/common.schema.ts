import { z } from '@hono/zod-openapi';
import { isValidIsoDate } from '../domain/calendar/dates';
import { CLOCK_TOLERANCE_HOURS } from '../domain/happened';
import { LINE_KEYS, type LineKey } from '../domain/explain';
import { amountProblem, CURRENCY_CODES } from '../domain/money';

/** ISO 4217 code of a supported currency. */
export const CurrencySchema = z.enum(CURRENCY_CODES).openapi('Currency', { example: 'RUB' });

/**
 * Money on the wire: a decimal string and a currency. A JSON number is refused
 * (floats lose kopecks); so are negative amounts and more decimals than the
 * currency has.
 */
export const MoneySchema = z
  .object({
    amount: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'is required'
            : 'must be a decimal string such as "500.00", not a JSON number',
      })
      .openapi({
        example: '500.00',
        description: 'Decimal string, at most the currency’s decimals',
      }),
    currency: CurrencySchema,
  })
  .superRefine((money, ctx) => {
    const problem = amountProblem(money.amount, money.currency);
    if (problem) ctx.addIssue({ code: 'custom', path: ['amount'], message: problem });
  })
  .openapi('Money', { example: { amount: '500.00', currency: 'RUB' } });

/**
 * A control character (Unicode's Cc: C0, DEL, C1; NUL, tab and line breaks among them):
 * never part of a name, an address or a title. Stored, it would reach the claim letters
 * and pages that print the text as is, where a NUL or a line break is no one's intent.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * One line of free text a person reads (a legal name, an address, a signatory): trimmed,
 * 1..`max` characters, no control characters (a 422 `control_character` naming the field).
 *
 * @example legalName: singleLineText(300, 'ООО «Ромашка»'),
 */
export const singleLineText = (max: number, example: string) =>
  z
    .string()
    .trim()
    .min(1, 'is required')
    .max(max)
    .refine((text) => !CONTROL_CHARACTER.test(text), {
      message: 'must not contain a control character (such as NUL, a tab or a line break)',
      params: { code: 'control_character' },
    })
    .openapi({
      example,
      description: `One line, at most ${max} characters, no control characters`,
    });

/**
 * Who did something, in every answer that says (history, decision, payment, remedy, file):
 * a clerk key's id is the first half of its API key, so only clerk keys read it.
 */
export const ACTOR_ID_DESCRIPTION =
  'Who did it: the shop’s id, or a clerk of the claims desk. A clerk key reads `clerk:<keyId>` (the clerk key’s id: internal, the desk’s); a shop key reads a stable, meaningless reference, `clerk_` and 16 hex digits, the same for the same clerk in every answer it gets and naming no key';

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isValidIsoDate, 'is not a real calendar date')
  .openapi({ format: 'date', example: '2025-03-14' });

/**
 * A positive decimal measure (centimetres, kilograms). Numbers are accepted for
 * convenience and turned into their exact decimal string before any arithmetic.
 */
export const positiveDecimal = (unit: string, max: number) =>
  z
    .union([z.string(), z.number()], { error: `must be a positive decimal number of ${unit}` })
    .transform((value, ctx) => {
      const text = typeof value === 'number' ? String(value) : value;
      const valid = /^\d{1,7}(\.\d{1,6})?$/.test(text) && !/^0*(\.0*)?$/.test(text);
      if (!valid || Number(text) > max) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a positive decimal number of ${unit}, at most ${max}, with at most 6 decimals`,
        });
        return z.NEVER;
      }
      return text;
    })
    // The request accepts both (the schema's input); the example is the string form.
    .openapi({ example: '30', description: `${unit}, decimal string or number` });

/**
 * `schema` or `null`, documented as `anyOf: [schema, {type: 'null'}]`. zod's
 * `.nullable()` on a named schema documents `allOf: [schema, {type: [object,
 * null]}]` (and marks the named schema itself nullable), which client generators
 * cannot use.
 *
 * @example
 * cap: orNull(MoneySchema),
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

/** One human-readable step of a calculation. */
export const LineSchema = z
  .object({
    key: z.enum(LINE_KEYS as readonly [LineKey, ...LineKey[]]).openapi({
      example: 'late.rate.business',
      description: 'Stable id of the step; text follows it',
    }),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    text: z.string().openapi({ example: 'Rate: 3 % of the delivery cost per business day late.' }),
  })
  .openapi('Line');

/** Which policy (and which version of it) produced a number. */
export const PolicyRefSchema = z
  .object({ id: z.string(), version: z.string() })
  .openapi('PolicyRef', { example: { id: 'cdek', version: '2025-01' } });

/** Optional carrier id: selects the policy; defaults to cdek. */
export const CarrierIdSchema = z.string().min(1).max(40).openapi({
  example: 'cdek',
  description: 'Carrier policy id (GET /v1/policies). Default: cdek.',
});

/** When figures kept off the request path (counts, analytics) were last brought up to date. */
export const AsOfSchema = z.string().optional().openapi({
  description:
    'When these figures were last brought up to date (ISO instant). They are kept off the request path and may lag a change by seconds; absent while nothing has been counted.',
  example: '2025-06-16T09:05:03.120Z',
});

/**
 * The rule of every date or instant a client reports as having happened (an event's `at`,
 * an order's `placedAt`, a claim's shipping and delivery dates, a payout's `paidOn`), as the
 * spec states it beside each such field (src/domain/happened.ts applies it).
 * @example happenedRule('instant', 'the order’s `placedAt`')
 */
export const happenedRule = (kind: 'instant' | 'date', since?: string): string => {
  const h = CLOCK_TOLERANCE_HOURS;
  const latest =
    kind === 'instant'
      ? `at most ${h} h ahead of the server’s clock (clock skew)`
      : `at most the server’s date ${h} h from now (UTC: tomorrow, for time zones ahead)`;
  const earliest =
    since === undefined
      ? ''
      : kind === 'instant'
        ? `, and not more than ${h} h before ${since} (a 422 \`date_order\`)`
        : `, and not before the UTC date ${h} h before ${since} (a 422 \`date_order\`)`;
  return `It happened: ${latest}, else a 422 \`in_the_future\` naming the field${earliest}.`;
};
