import { z } from '@hono/zod-openapi';
import { CARRIER_HOOK_CARRIERS } from '../carriers/types';

/** CDEK's credentials are ASCII (its client ids and secrets are 32 letters and digits). */
const credential = (example: string, description: string) =>
  z
    .string()
    .min(1)
    .max(256)
    .regex(/^[\x21-\x7E]+$/, 'must be printable ASCII with no spaces')
    .openapi({ example, description });

/** What a shop gives: its CDEK API credentials (`PUT /v1/carrier-accounts/cdek`). */
export const CarrierCredentialsInputSchema = z
  .object({
    clientId: credential(
      'EMscd6r9JnFiQ3bLoyjJY6eM78JrJceI',
      'The `client_id` of your CDEK integration (CDEK account → Integration → API keys)',
    ),
    clientSecret: credential(
      'PjLZkKBHEiLK3YsjtNrt3TGNG0ahs3kG',
      'Its `client_secret`: checked with CDEK, then kept encrypted; never shown again',
    ),
  })
  .openapi('CarrierCredentialsInput');

/** A shop's account at a carrier, as answers show it: never the secret. */
export const CarrierAccountSchema = z
  .object({
    carrier: z.enum(CARRIER_HOOK_CARRIERS).openapi({ example: 'cdek' }),
    clientId: z.string().openapi({
      example: 'EMsc…eI',
      description: 'The client id, masked: its first four and last two characters',
    }),
    updatedAt: z.string().openapi({ example: '2026-03-06T09:00:00.000Z' }),
    reconciledOn: z.string().optional().openapi({
      example: '2026-03-07',
      description:
        'The last day (UTC) the daily reconciliation read the shop’s open shipments from CDEK',
    }),
    refusedAt: z.string().optional().openapi({
      example: '2026-03-07T03:05:00.000Z',
      description:
        'When CDEK refused these credentials during a reconciliation: the shop is skipped until it sends new ones',
    }),
  })
  .openapi('CarrierAccount');
