import { createRoute, z } from '@hono/zod-openapi';
import {
  DEFAULT_RETAIN_DAYS,
  type ShopProfileInput,
  type ShopProfileView,
} from '../../domain/shop';
import { onlyRole } from '../../http/auth';
import { withExamples } from '../../schemas/problem.examples';
import { conflictProblem, problem } from '../../schemas/problem.schema';
import { ShopProfileInputSchema, ShopProfileSchema } from '../../schemas/shop.schema';
import { describeRole, jsonBodyErrors, apiKeySecurity, apiKeyErrors } from '../api-key-contract';
import { jsonBody, jsonResponse } from '../router';

const tags = ['shop'];

export const shopProfileExample: ShopProfileView = {
  shopId: 'demo-shop',
  legalName: 'ООО «Ромашка»',
  inn: '7736207543',
  kpp: '773601001',
  ogrn: '1027700229193',
  address: '119021, Москва, ул. Льва Толстого, д. 16',
  email: 'claims@romashka.example',
  phone: '+7 495 000-00-00',
  signatory: { name: 'Иванова Мария Сергеевна', position: 'Генеральный директор' },
  remedyLimits: { maxDiscountPercent: 15, maxGiftValue: { amount: '1000.00', currency: 'RUB' } },
  personalData: { retainDays: DEFAULT_RETAIN_DAYS, isDefault: true },
  version: 1,
  updatedAt: '2025-06-16T09:00:00.000Z',
};
const {
  shopId: _shopId,
  version: _version,
  updatedAt: _updatedAt,
  personalData: _personalData,
  ...input
} = shopProfileExample;
/** The body of that profile's PUT (no `personalData`: the default applies). */
export const shopInputExample: ShopProfileInput = input;
/** A replace that sets the retention: two years after settling. */
const retainingExample: ShopProfileInput = { ...input, personalData: { retainDays: 730 } };

const missing = problem(404, 'The shop has not sent its profile yet');

export const getShopRoute = createRoute({
  method: 'get',
  path: '/v1/shop',
  operationId: 'getShop',
  tags,
  security: apiKeySecurity,
  summary: 'The shop’s profile',
  description: describeRole(
    'both',
    'A shop key reads its own; a clerk key names the shop with `shopId`.',
  ),
  request: {
    query: z.object({
      shopId: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .openapi({ description: 'Clerk keys: the shop to read (a shop key reads its own)' }),
    }),
  },
  responses: {
    200: jsonResponse(ShopProfileSchema, 'The profile', shopProfileExample, ['ETag']),
    404: missing,
    422: problem(422, '`shopId` missing (clerk key) or naming another shop (shop key)'),
    ...apiKeyErrors,
  },
});

export const putShopRoute = createRoute({
  method: 'put',
  path: '/v1/shop',
  operationId: 'putShop',
  tags,
  security: apiKeySecurity,
  middleware: [onlyRole('shop')],
  summary: 'Create or replace the shop’s profile (shop key)',
  description: describeRole(
    'shop',
    'The shop as the sender of its claim letters (legal name, INN with its check digits verified, KPP for an organisation, OGRN or OGRNIP, address, contacts, signatory) and the remedies it may offer a customer without asking (`remedyLimits`). Sending the same body again changes nothing but `version` and `updatedAt`. The INN is 10 digits for an organisation (then a KPP and a 13-digit OGRN are required) or 12 for an individual entrepreneur (no KPP, a 15-digit OGRNIP); a wrong check digit is a 422 `check_digit` on that field, and a number no tax office issues (region 00, an OGRN not starting with 1 or 5, an OGRNIP not with 3, a KPP numbered 000) a 422 `invalid_value`. `legalName`, `address` and the signatory’s `name` and `position` are one line each (a control character is a 422 `control_character`). `remedyLimits.maxGiftValue` is in the currency of the carriers’ policies (RUB): another is a 422 `currency_mismatch`. The desk’s claim letter names the shop by these details, addressed to the carrier’s claims e-mail from its policy (`claims.email`). `personalData.retainDays` (30–3650) is how long the customers’ names, phones and e-mails are kept after a claim or an order is settled, then erased by the daily run with a destruction act; left out, the answer states the default (1095 days, `isDefault: true`).',
  ),
  request: {
    body: jsonBody(ShopProfileInputSchema.openapi({ example: retainingExample }), 'The profile'),
  },
  responses: {
    200: jsonResponse(
      ShopProfileSchema,
      'Replaced',
      { ...shopProfileExample, personalData: { retainDays: 730, isDefault: false }, version: 2 },
      ['ETag'],
    ),
    201: jsonResponse(ShopProfileSchema, 'Created', shopProfileExample, ['ETag']),
    ...jsonBodyErrors,
    422: withExamples(jsonBodyErrors[422], 'checkDigit'),
    409: conflictProblem(
      '`shop-changed`: other replaces of the profile sent at the same moment kept landing first through every retry; read it and send yours again',
      'shopChanged',
    ),
    ...apiKeyErrors,
  },
});
