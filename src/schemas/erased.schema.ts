/**
 * The mark an answer carries once its record's personal data was erased (`POST
 * /v1/personal-data/erasures`, or the shop's retention run): on the claim, the order, the
 * shipment and the customer message. Kept apart from the resources' schemas so each can
 * import it without importing the others.
 *
 * The erased fields hold tombstones still valid under the same schemas (src/domain/
 * personal-data/tombstone.ts: a name `[erased]`, the phone `+00000000000`, the e-mail
 * `erased@erased.invalid`), so no answer schema is relaxed and a client that validates
 * answers keeps working.
 */
import { z } from '@hono/zod-openapi';

/** The mark an erased record carries: when, and by which act. */
export const ErasedMarkSchema = z
  .object({
    erasedAt: z.string().openapi({ example: '2026-12-07T10:00:00.000Z' }),
    erasureId: z.string().openapi({
      example: 'pde_3f2b8c1d4e5f60718293a4b5c6d7e8f9',
      description: 'The destruction act: `GET /v1/personal-data/erasures/{id}`',
    }),
  })
  .openapi('ErasedMark', {
    description:
      'Present once the customer’s personal data in this record was erased: the name and the customer’s own text now read `[erased]`, the phone `+00000000000`, the e-mail `erased@erased.invalid` (a name, a phone and an e-mail no one has); ids, dates, statuses and money are kept',
  });

/** @example { ...claimShape, personalData: erasedMark } */
export const erasedMark = ErasedMarkSchema.optional();
