/**
 * Personal data (issue 25): an erasure asked for, the destruction act it leaves with its
 * event-log extract, and the export a data subject's access request is answered with.
 */
import { z } from '@hono/zod-openapi';
import { ERASED_RECORD_KINDS, ERASURE_ACTIONS, ERASURE_CATEGORIES } from '../domain/personal-data';
import { ClaimantSchema, ClaimSchema } from './claim.schema';
import { MessageIdSchema } from './message.schema';
import { OwnIdSchema } from './shipment.schema';

/** The ways a person is named in an erasure or an export. */
export const SUBJECT_FIELDS = ['phone', 'email', 'claimId', 'orderId'] as const;
export type SubjectField = (typeof SUBJECT_FIELDS)[number];

const phone = ClaimantSchema.shape.phone;
const email = ClaimantSchema.shape.email;
const claimId = z
  .string()
  .regex(/^clm_[0-9a-f]{32}$/, 'is not a claim id')
  .openapi({ example: 'clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9' });

/** Exactly one member of `given` is set: none is a `one_of` on the body, two a `not_both`. */
const exactlyOne = (given: Partial<Record<SubjectField, unknown>>, ctx: z.RefinementCtx) => {
  const set = SUBJECT_FIELDS.filter((field) => given[field] !== undefined);
  const [first, second] = set;
  if (first === undefined) {
    const message = 'give one of phone, email, claimId or orderId';
    ctx.addIssue({ code: 'custom', path: [], message, params: { code: 'one_of' } });
  } else if (second !== undefined) {
    const message = `give one of phone, email, claimId or orderId, not both ${first} and ${second}`;
    ctx.addIssue({ code: 'custom', path: [second], message, params: { code: 'not_both' } });
  }
};

/** The body of `POST /v1/personal-data/erasures`: the person, named one way. */
export const ErasureRequestSchema = z
  .object({
    phone: phone.optional().openapi({
      description: 'Every claim and order whose customer has this phone (digits compared)',
    }),
    email: email.optional().openapi({
      description: 'Every claim and order whose customer has this e-mail (case ignored)',
    }),
    claimId: claimId.optional().openapi({
      description:
        'The person who filed this claim: every record of theirs, found by its phone and e-mail',
    }),
    orderId: OwnIdSchema.optional().openapi({
      description:
        'The customer of this order: every record of theirs, found by its phone and e-mail',
    }),
  })
  .strict()
  .superRefine(exactlyOne)
  .openapi('ErasureRequest', { example: { phone: '+7 900 123-45-67' } });
export type ErasureRequest = z.output<typeof ErasureRequestSchema>;

/** `GET /v1/personal-data?phone=…|email=…`. */
export const AccessQuerySchema = z
  .object({ phone: phone.optional(), email: email.optional() })
  .superRefine((given, ctx) => {
    const set = (['phone', 'email'] as const).filter((field) => given[field] !== undefined);
    if (set.length === 1) return;
    const message = set.length === 0 ? 'give phone or email' : 'give phone or email, not both';
    const code = set.length === 0 ? 'one_of' : 'not_both';
    ctx.addIssue({ code: 'custom', path: [set[1] ?? 'phone'], message, params: { code } });
  });

/** What an act says the instruction was. */
const InstructionSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('request'),
      role: z.enum(['shop', 'clerk']).openapi({
        description: 'Who passed the shop’s instruction on: its API key, or the claims desk',
      }),
      keyId: z.string().openapi({
        example: 'pca_k1',
        description: 'The shop’s API key id; for the desk, the clerk’s reference',
      }),
    }),
    z.object({
      kind: z.literal('retention'),
      retainDays: z.number().int().openapi({ example: 1095 }),
    }),
  ])
  .openapi('ErasureInstruction', {
    description:
      'On whose instruction: the shop’s request (`request`: a data subject’s demand, sent with the shop’s key or through the claims desk), or the shop’s retention period run out (`retention`, `PUT /v1/shop` `personalData.retainDays`)',
  });

/** The records an act erased, by kind. */
const ErasedRecordsSchema = z
  .object({
    claims: z.array(z.string()).openapi({ example: ['clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9'] }),
    orders: z.array(z.string()).openapi({ example: ['O-1001'] }),
    messages: z.array(z.string()).openapi({
      example: ['clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9/ack'],
      description: 'Customer messages, as `<claim or shipment id>/<message id>`',
    }),
    webhookEvents: z.array(z.string()).openapi({
      example: ['evt_clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9_1'],
      description: 'Recorded events (`GET /v1/events`) that carried the person’s data',
    }),
  })
  .openapi('ErasedRecords');

/** The destruction act: what, whose, which records, when, how, on whose instruction. */
export const ErasureSchema = z
  .object({
    id: z.string().openapi({ example: 'pde_01JEX8Q4ZK3M9T7V2W5Y6A1B2C' }),
    shopId: z.string().openapi({ example: 'demo-shop' }),
    subjectRef: z.string().openapi({
      example: 'ps_3kq9m2x7c4v1b8n5',
      description:
        'Whose data: a pseudonymous reference (a keyed hash of the phone or e-mail within the shop), the same for the same person in every act, from which the phone or e-mail cannot be read back',
    }),
    categories: z.array(z.enum(ERASURE_CATEGORIES)).openapi({
      description: 'The categories of personal data destroyed',
      example: ['name', 'phone', 'email', 'customer_text'],
    }),
    records: ErasedRecordsSchema,
    status: z.enum(['running', 'completed']).openapi({
      description:
        '`running` while records are being erased (an erasure interrupted half-way is completed by asking again for the same person: the same act)',
    }),
    startedAt: z.string().openapi({ example: '2026-12-07T10:00:00.000Z' }),
    completedAt: z.string().optional().openapi({ example: '2026-12-07T10:00:00.480Z' }),
    method: z.string().openapi({
      example: 'overwritten in place with tombstones; index entries deleted',
      description: 'How the data was destroyed',
    }),
    instruction: InstructionSchema,
  })
  .openapi('Erasure');
export type ErasureAnswer = z.output<typeof ErasureSchema>;

/** One line of the event-log extract. */
export const ErasureLogEntrySchema = z
  .object({
    at: z.string().openapi({ example: '2026-12-07T10:00:00.120Z' }),
    action: z.enum(ERASURE_ACTIONS).openapi({ example: 'overwritten' }),
    record: z
      .object({
        kind: z.enum(ERASED_RECORD_KINDS),
        id: z.string(),
      })
      .optional()
      .openapi({ example: { kind: 'claim', id: 'clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9' } }),
    actor: z.string().openapi({
      example: 'key:pca_k1',
      description:
        'The shop key (`key:<id>`), the desk (`clerk:<ref>`) or the retention run (`system:retention`)',
    }),
  })
  .openapi('ErasureLogEntry');

/** The act with its event-log extract (Roskomnadzor order No. 179 of 28.10.2022). */
export const ErasureDetailSchema = ErasureSchema.extend({
  log: z.array(ErasureLogEntrySchema).openapi({
    description: 'The extract of the system’s event log: one line per step, in time order',
  }),
}).openapi('ErasureDetail');

export const ErasureListSchema = z
  .object({ items: z.array(ErasureSchema), nextCursor: z.string().optional() })
  .openapi('ErasureList');

export const ErasureListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  cursor: z.string().max(2000).optional().openapi({
    description: 'nextCursor of the previous page, unchanged',
  }),
});

export const ErasureIdParamsSchema = z.object({
  id: z
    .string()
    .regex(/^pde_[0-9A-Za-z]{1,64}$/, 'is not an erasure id (pde_…)')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'pde_01JEX8Q4ZK3M9T7V2W5Y6A1B2C' }),
});

/** Everything the shop holds about a person: the answer to a subject's access request. */
export const PersonalDataExportSchema = z
  .object({
    shopId: z.string().openapi({ example: 'demo-shop' }),
    subjectRef: ErasureSchema.shape.subjectRef,
    claims: z.array(ClaimSchema).openapi({
      description:
        'Every claim of the person, whole: the claimant, the description in their words, the history is `GET /v1/claims/{id}/history`',
    }),
    orders: z
      .array(
        z.object({
          orderId: z.string(),
          placedAt: z.string(),
          customer: ClaimantSchema,
          b2b: z.boolean(),
        }),
      )
      .openapi({ description: 'Every order whose customer is the person' }),
    messages: z
      .array(
        z.object({
          claimId: z.string(),
          messageId: MessageIdSchema,
          sentAt: z.string(),
        }),
      )
      .openapi({
        description:
          'The customer messages recorded as sent to the person; their text is rendered from the claim (`GET /v1/claims/{id}/messages`)',
      }),
  })
  .openapi('PersonalDataExport');
export type PersonalDataExport = z.output<typeof PersonalDataExportSchema>;

/**
 * The one way a checked request names the person (the schema let exactly one through).
 *
 * @example selectorOf({ phone: '+7 900 123-45-67' }) // { phone: '+7 900 123-45-67' }
 */
export function selectorOf(
  request: ErasureRequest,
): { phone: string } | { email: string } | { claimId: string } | { orderId: string } {
  const { phone, email, claimId, orderId } = request;
  if (phone !== undefined) return { phone };
  if (email !== undefined) return { email };
  if (claimId !== undefined) return { claimId };
  return { orderId: orderId ?? '' };
}
