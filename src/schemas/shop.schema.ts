import { z } from '@hono/zod-openapi';
import {
  innProblem,
  kppProblem,
  LIMIT_CURRENCIES,
  limitCurrencyProblem,
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
    version: z
      .number()
      .int()
      .openapi({ example: 1, description: 'Each replacement adds 1; the ETag' }),
    updatedAt: z.string().openapi({ example: '2025-06-16T09:00:00.000Z' }),
  })
  .openapi('ShopProfile');
