import { z } from '@hono/zod-openapi';
import {
  CLAIM_CAUSES,
  CLAIM_EVENT_TYPES,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  MAX_EVIDENCE_PER_ADDITION,
  type ClaimType,
} from '../domain/claim';
import { EVIDENCE_KINDS } from '../domain/evidence';
import { IF_MATCH_SYNTAX, tooLargeVersion } from '../http/if-match';
import { CLAIM_SORTS } from '../services/claims';
import { ACTOR_ID_DESCRIPTION, happenedRule, IsoDateSchema, MoneySchema } from './common.schema';
import { CustomerSideSchema } from './remedy.schema';
import { filingExample } from './examples';
import { erasedMark } from './erased.schema';
import {
  DamagedRequestSchema,
  LateRequestSchema,
  LateResultSchema,
  LossResultSchema,
  LostRequestSchema,
} from './compensation.schema';

/** A claim id: `clm_` and 32 hex digits. */
const ClaimIdSchema = z
  .string()
  .regex(/^clm_[0-9a-f]{32}$/, 'is not a claim id')
  .openapi({ example: 'clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9' });

export const ClaimantSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    email: z.email('must be an e-mail address').max(254),
    phone: z
      .string()
      .regex(
        /^\+?[0-9 ()-]{5,24}$/,
        'must be a phone number: digits, spaces, ( ) - and a leading +',
      ),
  })
  .openapi('Claimant');

export const EvidenceInputSchema = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    name: z.string().trim().min(1, 'is required').max(200),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(2000)
      .optional(),
  })
  .openapi('EvidenceInput');

export const EvidenceSchema = EvidenceInputSchema.extend({
  id: z.string().openapi({
    example: 'ev_1',
    description: 'The evidence’s id within the claim (`ev_1`, `ev_2`, … in the order added)',
  }),
  addedAt: z.string().openapi({ example: '2025-06-01T12:00:00.000Z' }),
}).openapi('Evidence');

// A claim's cause, optional at filing, settable by a clerk (PUT /v1/claims/{id}/cause).
export const ClaimCauseSchema = z.enum(CLAIM_CAUSES).openapi('ClaimCause', {
  example: 'courier_late',
  description:
    'Why it happened, counted by the analytics per carrier. Left out at filing: `lost_in_transit` for a lost parcel, `damaged_in_transit` for a damaged one, and for a late one the reason of the shipment’s latest reschedule (filed from a shipment), else `courier_late`.',
});
const causeField = { cause: ClaimCauseSchema.optional() };
export const CauseChangeSchema = z
  .object({ cause: ClaimCauseSchema, note: z.string().trim().max(2000).optional() })
  .openapi('CauseChange', { example: { cause: 'warehouse', note: 'Packed without filler' } });

const common = {
  ...causeField,
  carrier: z.string().min(1).max(40).openapi({ example: 'cdek' }),
  waybill: z.string().trim().min(1, 'is required').max(64).openapi({ example: '1234567890' }),
  orderId: z.string().trim().min(1).max(64).optional(),
  shippedDate: IsoDateSchema.openapi({
    description: `Starts the filing window. ${happenedRule('date')}`,
  }),
  claimant: ClaimantSchema,
  description: z.string().trim().min(1, 'is required').max(4000),
  // Optional in the request; the claim always has the list. (A `.default([])` would document
  // a `default`, which client generators read as "always present", in the request too.)
  evidence: z
    .array(EvidenceInputSchema)
    .max(50)
    .optional()
    .transform((evidence) => evidence ?? [])
    .openapi({ description: 'Evidence sent with the filing; none when left out' }),
};

/** What a shop writes in any filing: what happened, and the evidence sent with it. */
export const FilingTextFields = {
  description: common.description,
  evidence: common.evidence,
  ...causeField,
};

/** The calculator input a claim of each type carries (the carrier is the claim's). */
// A filed late shipment's dates are what happened (the calculator's may be what-ifs).
const filedDate = (what: string) =>
  IsoDateSchema.optional().openapi({ description: `${what} ${happenedRule('date')}` });
export const LateShipmentSchema = LateRequestSchema.omit({ carrier: true })
  .extend({
    shippedDate: filedDate('With transitBusinessDays; else the claim’s `shippedDate`.'),
    deliveredDate: filedDate('The day it was delivered.'),
    asOf: filedDate('Still undelivered on this day: lateness is counted up to it.'),
  })
  .openapi('LateShipment');
export const LostShipmentSchema = LostRequestSchema.omit({ carrier: true }).openapi('LostShipment');
export const DamagedShipmentSchema = DamagedRequestSchema.omit({ carrier: true }).openapi(
  'DamagedShipment',
);

/** The body of POST /v1/claims: the type selects which calculator input `shipment` is. */
export const FileClaimSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('late'),
      shipment: LateShipmentSchema,
      ...common,
    }),
    z.object({
      type: z.literal('lost'),
      shipment: LostShipmentSchema,
      ...common,
    }),
    z.object({
      type: z.literal('damaged'),
      shipment: DamagedShipmentSchema,
      ...common,
    }),
  ])
  .openapi('FileClaim', { example: filingExample });
export type FileClaim = z.infer<typeof FileClaimSchema>;

const DecisionRecordSchema = z.object({
  decision: z.enum(['approved', 'partially_approved', 'rejected', 'needs_info']),
  reason: z.string().openapi({
    description:
      'What the clerk wrote for the shop with the decision: the shop reads it as written (the desk’s internal notes are `GET /v1/claims/{id}/notes`, never here)',
  }),
  approvedAmount: MoneySchema.optional(),
  overrideReason: z.string().optional().openapi({
    description:
      'Why more than the computed amount was approved, as the clerk wrote it: the shop reads it too',
  }),
  decidedBy: z.string().openapi({ description: ACTOR_ID_DESCRIPTION }),
  decidedAt: z.string(),
});

const PaymentRecordSchema = z.object({
  amount: MoneySchema,
  paidOn: IsoDateSchema,
  reference: z
    .string()
    .openapi({ description: 'The payment’s reference (e.g. the payment order), for the shop' }),
  recordedBy: z.string().openapi({ description: ACTOR_ID_DESCRIPTION }),
  recordedAt: z.string(),
});

/** The clerk who took a claim. */
const ClaimAssigneeSchema = z
  .object({
    id: z.string().openapi({
      description:
        'A clerk key reads the clerk key’s id (internal: what `assignee=` takes and `assignee=me` compares). A shop key reads the clerk’s stable, meaningless reference, `clerk_` and 16 hex digits, as in its history (`actor.id`)',
      example: '5df5de489cf18998',
    }),
    name: z.string().openapi({
      description:
        'A clerk key reads the desk’s name for the clerk (internal; the key id when it has none). A shop key reads `a clerk`',
      example: 'Ольга Смирнова',
    }),
  })
  .openapi('ClaimAssignee', {
    description:
      'The clerk who took the claim (`POST /v1/claims/{id}/assignee`); absent while nobody has',
  });

/**
 * The members of a claim of one `type`, in the order the API sends them: `type` decides which
 * calculator's input `shipment` is and which result `compensation` is.
 */
const claimShape = <T extends ClaimType, S extends z.ZodType, C extends z.ZodType>(
  type: T,
  shipment: S,
  compensation: C,
) => ({
  id: ClaimIdSchema,
  shopId: z.string(),
  type: z.literal(type),
  carrier: z.string(),
  waybill: z.string(),
  orderId: z.string().optional(),
  shipmentId: z
    .string()
    .optional()
    .openapi({ description: 'The shipment it was filed from (POST /v1/shipments/{id}/claims)' }),
  shippedDate: IsoDateSchema,
  shipment,
  claimant: ClaimantSchema,
  description: z.string(),
  evidence: z.array(EvidenceSchema),
  status: z.enum(CLAIM_STATUSES),
  compensation,
  missingEvidence: z.array(z.enum(EVIDENCE_KINDS)).openapi({
    description:
      "What the claim still lacks: the policy's evidence checklist for the claim type plus what the computed amount waits for (`compensation.missingEvidence`), minus the evidence given. Updated when evidence is added; `compensation` is not recomputed.",
  }),
  filingDeadline: IsoDateSchema,
  answerDueBy: IsoDateSchema,
  decision: DecisionRecordSchema.optional(),
  payment: PaymentRecordSchema.optional(),
  // Customer care: absent on claims filed before.
  acknowledgeBy: z.string().optional().openapi({
    example: '2025-06-16T10:00:00.000Z',
    description:
      'When the customer is to have been acknowledged (filing + the policy’s `customerCare.acknowledgeWithinMinutes`): until the `ack` message is recorded sent, a claim past it is in `GET /v1/claims?unacknowledged=true`',
  }),
  b2b: z.boolean().optional().openapi({
    description:
      'Filed from a shipment of a B2B order: its customer messages take the formal tone and state the contractual per-day penalty',
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  // Remedies: the customer's side, on `GET /v1/claims/{id}` only.
  customer: CustomerSideSchema.optional().openapi({
    description:
      'What the customer was offered and given (`GET /v1/claims/{id}` only), beside what the carrier owes the shop (`compensation`, `decision`, `payment`)',
  }),
  // The clerk working on the claim.
  assignee: ClaimAssigneeSchema.optional(),
  ...causeField,
  // Issue 25: the customer's personal data erased.
  personalData: erasedMark,
});

/** A late claim: the late calculator's input and its result. */
export const LateClaimSchema = z
  .object(claimShape('late', LateShipmentSchema, LateResultSchema))
  .openapi('LateClaim', {
    description:
      'A claim of `type` late: `shipment` is what was filed (the late calculator’s input), `compensation` the late calculator’s result at filing',
  });
/** A lost claim: the lost calculator's input and its result. */
export const LostClaimSchema = z
  .object(claimShape('lost', LostShipmentSchema, LossResultSchema))
  .openapi('LostClaim', {
    description:
      'A claim of `type` lost: `shipment` is what was filed (the lost calculator’s input), `compensation` the lost calculator’s result at filing',
  });
/** A damaged claim: the damaged calculator's input and its (loss) result. */
export const DamagedClaimSchema = z
  .object(claimShape('damaged', DamagedShipmentSchema, LossResultSchema))
  .openapi('DamagedClaim', {
    description:
      'A claim of `type` damaged: `shipment` is what was filed (the damaged calculator’s input), `compensation` the damaged calculator’s result at filing',
  });

/** A claim as the API answers it: `type` says which of the three it is. */
export const ClaimSchema = z
  .discriminatedUnion('type', [LateClaimSchema, LostClaimSchema, DamagedClaimSchema])
  .openapi('Claim', {
    description:
      'A claim: `type` (late, lost, damaged) says which shipment it carries and which compensation was computed for it',
  });
export type ClaimAnswer = z.output<typeof ClaimSchema>;

/** What `type` decides in an answered claim, one shape per type. */
export type ClaimByType = ClaimAnswer extends infer A
  ? A extends ClaimAnswer
    ? Pick<A, 'type' | 'shipment' | 'compensation'>
    : never
  : never;

export const ClaimEventSchema = z
  .object({
    claimId: ClaimIdSchema,
    seq: z.number().int(),
    at: z.string(),
    actor: z.object({
      role: z.enum(['shop', 'clerk']),
      id: z.string().openapi({ description: ACTOR_ID_DESCRIPTION }),
    }),
    type: z.enum(CLAIM_EVENT_TYPES),
    from: z.enum(CLAIM_STATUSES).optional(),
    to: z.enum(CLAIM_STATUSES).optional(),
    note: z.string().optional().openapi({
      description:
        'What the shop or the clerk wrote with the move: part of the history the shop reads (the desk’s internal notes are `GET /v1/claims/{id}/notes`, never here)',
    }),
    cause: z
      .object({ from: ClaimCauseSchema.optional(), to: ClaimCauseSchema })
      .optional()
      .openapi({
        description: 'A `cause_changed` event: the cause before (absent: none) and after',
      }),
  })
  .openapi('ClaimEvent');

/** A claim in a listing: its evidence entries are counted, not included (`GET /v1/claims/{id}` has them). */
const summaryOf = <
  S extends typeof LateClaimSchema | typeof LostClaimSchema | typeof DamagedClaimSchema,
>(
  claim: S,
) =>
  claim.omit({ evidence: true, customer: true }).extend({
    evidenceCount: z.number().int().min(0).openapi({
      example: 2,
      description: 'How many evidence entries the claim has; `GET /v1/claims/{id}` lists them',
    }),
  });
export const ClaimSummarySchema = z
  .discriminatedUnion('type', [
    summaryOf(LateClaimSchema).openapi('LateClaimSummary'),
    summaryOf(LostClaimSchema).openapi('LostClaimSummary'),
    summaryOf(DamagedClaimSchema).openapi('DamagedClaimSummary'),
  ])
  .openapi('ClaimSummary', {
    description:
      'A claim in a listing: its evidence counted (`evidenceCount`), not listed; `type` says which shipment and compensation it carries',
  });

export const ClaimListSchema = z
  .object({ items: z.array(ClaimSummarySchema), nextCursor: z.string().optional() })
  .openapi('ClaimList');

export const HistorySchema = z.object({ items: z.array(ClaimEventSchema) }).openapi('ClaimHistory');

export const ClaimListQuerySchema = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  type: z.enum(CLAIM_TYPES).optional(),
  waybill: z.string().trim().min(1).max(64).optional(),
  carrier: z.string().min(1).max(40).optional(),
  overdue: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .openapi({ description: 'true: only open claims past answerDueBy' }),
  shopId: z.string().min(1).max(64).optional().openapi({
    description:
      'Clerk keys: one shop’s claims. A shop key may name its own shop only: another is a 422 `not_allowed`, for a search by id as for any other',
  }),
  // Customer care.
  unacknowledged: z.enum(['true', 'false'], { error: 'must be true or false' }).optional().openapi({
    description:
      'true: only claims whose customer acknowledgement (the `ack` message) is not recorded sent and is past `acknowledgeBy` as of now, not settled, oldest `acknowledgeBy` first. The other filters apply on top of it.',
  }),
  limit: z.coerce
    .number({ error: 'must be a whole number from 1 to 100' })
    .int('must be a whole number from 1 to 100')
    .min(1)
    .max(100)
    .default(20),
  cursor: z.string().max(2000).optional().openapi({
    description:
      'nextCursor of the previous page, unchanged. Opaque, and bound to the caller (its API key) and to the query (every filter): with another key, other filters, or altered, it is a 422 naming `cursor`.',
  }),
  // Search, "assigned to me", the order.
  q: z.string().trim().min(2, 'must be at least 2 characters').max(200).optional().openapi({
    description:
      'Search: a claim id, or the start of the customer’s name as written, with spaces, case, ё/е and Unicode form (NFKC: decomposed `Пе\u0308тр` is `Пётр`) ignored: `петрив` finds `Пётр Иванов`, `иванов` does not, and accents other than ё count; the end of their phone number (its digits only, with or without +7/8); the start of the order id or of the waybill (case and Unicode form ignored, spaces inside count). Without `in`, the text is tried where it fits: `clm_…` as an id; digits as a phone and a waybill; anything else as a name, an order id and a waybill. Results are in the field’s order (A→Z); the other filters apply on top.',
    example: 'Анна Пет',
  }),
  in: z
    .enum(['name', 'phone', 'orderId', 'waybill', 'id'])
    .optional()
    .openapi({ description: 'With `q`: search this field only' }),
  assignee: z.string().min(1).max(64).optional().openapi({
    description:
      'Clerk keys only: claims assigned to this clerk key id; `me`: to the calling key. A shop key is a 422 `not_allowed` (it never reads a key id)',
    example: 'me',
  }),
  sort: z.enum(CLAIM_SORTS).optional().openapi({
    description:
      '`newest` (default) or `oldest` first by filing; `due`: open claims, the answer due soonest first; `due_latest`: open claims, latest answer date first. An overdue listing is always in answer-date order.',
  }),
});

export const ClaimIdParamsSchema = z.object({
  id: ClaimIdSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'must be 1–255 visible ASCII characters')
    .optional()
    .openapi({ description: 'Retry-safe filing: the same key and body return the first answer' }),
});

export const IfMatchHeaderSchema = z.object({
  'if-match': z
    .string()
    .regex(IF_MATCH_SYNTAX, 'must be the ETag of the claim, e.g. "3" (or *)')
    .superRefine((header, ctx) => {
      const version = tooLargeVersion(header);
      if (version !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `names version ${version}, larger than any claim version`,
        });
      }
    })
    .optional()
    .openapi({
      description:
        'The ETag you read (`"3"`), a list of them, or `*` for any version. Compared strongly (RFC 9110): a stale or weak tag is 412',
      example: '"3"',
    }),
});

export const NoteSchema = z
  .object({ note: z.string().trim().max(2000).optional() })
  .openapi('MoveNote', { example: { note: 'Taken by the Monday shift' } });

export const AddEvidenceSchema = z
  .object({
    evidence: z
      .array(EvidenceInputSchema)
      .min(1, 'add at least one item')
      .max(MAX_EVIDENCE_PER_ADDITION),
  })
  .openapi('AddEvidence', {
    example: { evidence: [{ kind: 'proof_of_value', name: 'invoice.pdf' }] },
  });

export const DecisionSchema = z
  .object({
    decision: z.enum(['approved', 'partially_approved', 'rejected', 'needs_info']),
    reason: z.string().trim().max(2000).optional(),
    approvedAmount: MoneySchema.optional(),
    overrideReason: z.string().trim().max(2000).optional(),
  })
  .openapi('Decision', {
    example: {
      decision: 'partially_approved',
      reason: 'Two of the three items were damaged',
      approvedAmount: { amount: '1500.00', currency: 'RUB' },
    },
  });

export const PaymentSchema = z
  .object({
    amount: MoneySchema,
    paidOn: IsoDateSchema.openapi({
      description: `The day the carrier paid. ${happenedRule('date', 'the filing (`createdAt`)')}`,
    }),
    reference: z.string().trim().min(1, 'is required').max(100),
  })
  .openapi('Payment', {
    example: {
      amount: { amount: '1500.00', currency: 'RUB' },
      paidOn: '2025-07-01',
      reference: 'PP-000123',
    },
  });
