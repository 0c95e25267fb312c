import { z } from '@hono/zod-openapi';
import {
  DEFAULT_RETAIN_DAYS,
  innProblem,
  kppProblem,
  LIMIT_CURRENCIES,
  limitCurrencyProblem,
  MAX_RETAIN_DAYS,
  MIN_RETAIN_DAYS,
  ogrnProblem,
  taxpayerKind,
  type RequisiteProblem,
} from '../domain/shop';
import { ClaimantSchema } from './claim.schema';
import { MoneySchema, singleLineText as text } from './common.schema';

export const RemedyLimitsSchema = z
  .object({
    maxDiscountPercent: z
      .number()
      .int()
      .min(0)
      .max(100)
      .openapi({ example: 15, description: 'Largest discount on a next order, percent' }),
    maxGiftValue: MoneySchema.openapi({
      description: `Largest value of a gift or voucher the shop may offer, in ${LIMIT_CURRENCIES.join(' or ')}: the currency the carriers’ policies (and so the claims) state their sums in. A gift is compared with it without conversion, so another currency is a 422 \`currency_mismatch\` at \`/remedyLimits/maxGiftValue/currency\``,
    }),
  })
  .superRefine((limits, ctx) => {
    const problem = limitCurrencyProblem(limits.maxGiftValue);
    if (!problem) return;
    const { message, code } = problem;
    ctx.addIssue({ code: 'custom', path: ['maxGiftValue', 'currency'], message, params: { code } });
  })
  .openapi('RemedyLimits');

const retainDays = z
  .number()
  .int()
  .min(MIN_RETAIN_DAYS)
  .max(MAX_RETAIN_DAYS)
  .openapi({
    example: DEFAULT_RETAIN_DAYS,
    description: `Days the customers’ personal data is kept after a claim or an order is settled (a claim paid, rejected or withdrawn; an order whose shipments are all final with no claim open), then erased by the daily run with a destruction act (\`GET /v1/personal-data/erasures\`). ${MIN_RETAIN_DAYS}–${MAX_RETAIN_DAYS}; the default, ${DEFAULT_RETAIN_DAYS}, is the general limitation period (Civil Code art. 196)`,
  });

/** The shop's retention of its customers' personal data, as it sends it. */
export const PersonalDataPolicySchema = z
  .object({ retainDays })
  .strict()
  .openapi('PersonalDataPolicy');

/** The retention in force, as the profile answers it. */
export const PersonalDataRetentionSchema = z
  .object({
    retainDays,
    isDefault: z.boolean().openapi({
      description: `True when the shop has not set \`personalData\`: the default (${DEFAULT_RETAIN_DAYS} days) applies`,
    }),
  })
  .openapi('PersonalDataRetention');

/** The shop's details as it sends them (`PUT /v1/shop`). */
export const ShopProfileInputSchema = z
  .object({
    legalName: text(300, 'ООО «Ромашка»'),
    inn: z.string().openapi({
      example: '7736207543',
      description:
        '10 digits (organisation) or 12 (individual entrepreneur); check digits are verified',
    }),
    kpp: z.string().optional().openapi({
      example: '773601001',
      description: 'An organisation’s KPP (required with a 10-digit INN; an entrepreneur has none)',
    }),
    ogrn: z.string().openapi({
      example: '1027700229193',
      description:
        'OGRN, 13 digits (organisation), or OGRNIP, 15 (entrepreneur); check digit verified',
    }),
    address: text(500, '119021, Москва, ул. Льва Толстого, д. 16'),
    email: ClaimantSchema.shape.email,
    phone: ClaimantSchema.shape.phone,
    signatory: z
      .object({
        name: text(200, 'Иванова Мария Сергеевна'),
        position: text(200, 'Генеральный директор'),
      })
      .openapi({ description: 'Who signs the claim letters' }),
    remedyLimits: RemedyLimitsSchema,
    personalData: PersonalDataPolicySchema.optional().openapi({
      description: `How long the customers’ personal data is kept after settling; left out: the default (${DEFAULT_RETAIN_DAYS} days), and a replace without it goes back to the default`,
    }),
  })
  .strict()
  .superRefine((shop, ctx) => {
    const refuse = (field: 'inn' | 'kpp' | 'ogrn', problem: RequisiteProblem | undefined) => {
      if (!problem) return;
      const { message, code } = problem;
      ctx.addIssue({ code: 'custom', path: [field], message, params: { code } });
    };
    refuse('inn', innProblem(shop.inn));
    if (innProblem(shop.inn)) return;
    const kind = taxpayerKind(shop.inn);
    refuse('ogrn', ogrnProblem(shop.ogrn, kind));
    if (kind === 'entrepreneur') {
      const message = 'must be left out for an individual entrepreneur (12-digit INN)';
      refuse('kpp', shop.kpp === undefined ? undefined : { code: 'not_allowed', message });
    } else {
      const message = 'is required for an organisation (10-digit INN)';
      refuse('kpp', shop.kpp === undefined ? { code: 'required', message } : kppProblem(shop.kpp));
    }
  })
  .openapi('ShopProfileInput');

export const ShopProfileSchema = z
  .object({
    shopId: z.string().openapi({ example: 'demo-shop' }),
    ...ShopProfileInputSchema.shape,
    personalData: PersonalDataRetentionSchema,
    version: z
      .number()
      .int()
      .openapi({ example: 1, description: 'Each replacement adds 1; the ETag' }),
    updatedAt: z.string().openapi({ example: '2025-06-16T09:00:00.000Z' }),
  })
  .openapi('ShopProfile');
