import { z } from '@hono/zod-openapi';
import { CLAIM_CAUSES, CLAIM_STATUSES, CLAIM_TYPES } from '../domain/claim';
import { CLOCK_TOLERANCE_HOURS } from '../domain/happened';
import { RESCHEDULE_REASONS } from '../domain/policies';
import {
  ACCEPTED_CLAIM_STATUSES,
  EVENT_SOURCES,
  INSTANT_PATTERN,
  LATENESS_STOPPING_TYPES,
  SHIPMENT_STATUSES,
  type ShipmentEvent,
} from '../domain/shipment';
import type { OrderInput, ShipmentView } from '../services/shipments';
import { ClaimantSchema } from './claim.schema';
import { erasedMark } from './erased.schema';
import {
  CarrierIdSchema,
  CurrencySchema,
  happenedRule,
  IsoDateSchema,
  LineSchema,
  MoneySchema,
  orNull,
} from './common.schema';
import { InsuranceSchema, LateResultSchema } from './compensation.schema';
import { PackageSchema, WeightResultSchema } from './weight.schema';
import { eventExample, orderInputExample } from './shipment.examples';

/** A shop's own id for an order or a shipment: safe in a path. */
export const OwnIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._~-]{0,63}$/,
    'must be 1–64 letters, digits, or . _ ~ - (starting with a letter or digit)',
  )
  .openapi({ example: 'S-1001-1' });

const InstantSchema = z
  .string()
  .regex(INSTANT_PATTERN, 'must be an instant with its offset, e.g. 2025-03-13T10:00:00+03:00')
  .openapi({ example: '2025-03-13T10:00:00+03:00' });

/** When the order was placed: the start of its shipments, which no event may much precede. */
const PlacedAtSchema = InstantSchema.openapi({
  description: `When the order was placed, with its offset: when its shipments began. ${happenedRule('instant')} Nor more than ${CLOCK_TOLERANCE_HOURS} h after any event its shipments already have (a 422 naming \`/placedAt\`).`,
});

/** An event's instant (the same rule for every kind of event). */
const EventAtSchema = InstantSchema.openapi({
  description: `When it happened, with its offset; its local date is the event’s date. ${happenedRule('instant', 'the order’s `placedAt`')}`,
});

const PackagingOrderSchema = z
  .object({
    item: z.string().min(1).max(40).openapi({
      example: 'crate_m',
      description: 'An id from the carrier policy’s `packaging` (GET /v1/policies/{id})',
    }),
  })
  .openapi('PackagingOrder');

/** One shipment of an order, as the shop states it. */
export const ShipmentInputSchema = z
  .object({
    shipmentId: OwnIdSchema,
    carrier: CarrierIdSchema,
    waybill: z.string().trim().min(1).max(64).optional().openapi({ example: '1234567890' }),
    packages: z.array(PackageSchema).min(1, 'needs at least one package').max(100),
    packaging: z
      .array(PackagingOrderSchema)
      .max(50)
      .optional()
      .transform((items) => items ?? [])
      .openapi({
        description: 'Packaging extras from the carrier’s catalogue; none when left out',
      }),
    deliveryCost: MoneySchema.openapi({ description: 'The tariff quoted for delivery' }),
    deliveryPaid: z.boolean(),
    insurance: InsuranceSchema.optional(),
    shippedDate: IsoDateSchema.optional(),
    promisedDate: IsoDateSchema.optional().openapi({
      description: 'The date first promised; or give shippedDate with transitBusinessDays',
    }),
    transitBusinessDays: z.number().int('must be a whole number').min(0).max(365).optional(),
    calendar: z.string().min(2).max(2).optional().openapi({
      example: 'RU',
      description: 'Country of the business calendar (GET /v1/calendars); default RU',
    }),
  })
  .openapi('ShipmentInput');

/** The body of PUT /v1/orders/{orderId}. */
export const OrderInputSchema = z
  .object({
    placedAt: PlacedAtSchema,
    customer: ClaimantSchema,
    b2b: z.boolean(),
    shipments: z.array(ShipmentInputSchema).min(1, 'needs at least one shipment').max(40),
  })
  .openapi('OrderInput', { example: orderInputExample }) satisfies z.ZodType<OrderInput>;

const eventId = z.string().min(1).max(128).openapi({ example: 'cdek-7781-0003' });

const CarrierStatusSchema = z
  .object({
    code: z.string().trim().min(1).max(64).openapi({ example: 'ACCEPTED_AT_PICK_UP_POINT' }),
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ example: 'Принят в пункте выдачи' }),
  })
  .openapi('CarrierStatus', {
    description:
      'The carrier’s own status, as it named it (CDEK: the code of its API’s Appendix 1 and its text), shown beside ours',
  });

/** What any event may carry besides its kind. */
const origin = {
  source: z.enum(EVENT_SOURCES).optional().openapi({
    readOnly: true,
    description:
      'Where the event came from: `api` (this API; also when absent, for events recorded before sources were kept), `cdek_hook` (CDEK’s webhook, POST /v1/carrier-hooks/cdek/{token}), `reconciliation` (the daily read of CDEK’s API), `sandbox` (POST /v1/test/carrier-events). Set by the service: ignored in a request.',
  }),
  carrierStatus: CarrierStatusSchema.optional(),
};

/** A carrier event: a status, a reschedule, a re-measurement, a delivery problem, a carrier status of its own. */
export const ShipmentEventSchema = z
  .discriminatedUnion('status', [
    z
      .object({ eventId, status: z.enum(SHIPMENT_STATUSES), at: EventAtSchema, ...origin })
      .openapi('StatusEvent'),
    z
      .object({
        eventId,
        status: z.literal('rescheduled'),
        at: EventAtSchema,
        promisedDate: IsoDateSchema,
        reason: z.enum(RESCHEDULE_REASONS),
        ...origin,
      })
      .openapi('RescheduledEvent'),
    z
      .object({
        eventId,
        status: z.literal('remeasured'),
        at: EventAtSchema,
        packages: z.array(PackageSchema).min(1, 'needs at least one package').max(100),
        charged: MoneySchema.openapi({ description: 'What the carrier charged after measuring' }),
        ...origin,
      })
      .openapi('RemeasuredEvent'),
    z
      .object({
        eventId,
        status: z.literal('problem'),
        at: EventAtSchema,
        problem: z
          .object({
            code: z.string().trim().min(1).max(64).openapi({ example: '13' }),
            name: z.string().trim().min(1).max(200).optional(),
          })
          .openapi({ description: 'The carrier’s code for the problem, and its text' }),
        cause: z.enum(CLAIM_CAUSES).optional().openapi({
          description:
            'What a lateness after it is put down to (the late listing’s `cause`, a late claim’s default cause)',
        }),
        ...origin,
      })
      .openapi('ProblemEvent', {
        description: 'A delivery problem the carrier reported: recorded, changing no status',
      }),
    z
      .object({
        eventId,
        status: z.literal('carrier_status'),
        at: EventAtSchema,
        ...origin,
        carrierStatus: CarrierStatusSchema,
      })
      .openapi('CarrierStatusEvent', {
        description:
          'A carrier status that maps to none of ours (an unknown code, a return leg): kept, changing nothing',
      }),
  ])
  .openapi('ShipmentEvent', { example: eventExample }) satisfies z.ZodType<ShipmentEvent>;

const ChargesSchema = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum(['tariff', 'packaging']),
        item: z.string().optional(),
        name: z.string(),
        amount: MoneySchema,
      }),
    ),
    total: MoneySchema,
    deliveryCost: MoneySchema.openapi({
      description:
        'What a penalty or refund is computed from (the policy’s `deliveryCostIncludes`)',
    }),
    deliveryCostIncludes: z.enum(['tariff', 'tariff_and_packaging']),
    lines: z.array(LineSchema),
  })
  .openapi('Charges');

const DeadlineSchema = z
  .object({
    promisedDate: IsoDateSchema.openapi({ description: 'The date first promised' }),
    deadline: IsoDateSchema.openapi({ description: 'What lateness is measured against' }),
    moved: z.boolean(),
    lines: z.array(LineSchema),
  })
  .openapi('Deadline');

const WeightsSchema = WeightResultSchema.pick({ packages: true, totalChargeableKg: true });

const RemeasurementSchema = z
  .object({
    eventId: z.string(),
    at: z.string(),
    divisor: z.number().int(),
    declared: WeightsSchema,
    measured: WeightsSchema,
    quoted: MoneySchema,
    charged: MoneySchema,
    difference: z
      .object({ amount: z.string().openapi({ example: '120.00' }), currency: CurrencySchema })
      .openapi({ description: 'charged − quoted; negative when the carrier charged less' }),
    lines: z.array(LineSchema),
  })
  .openapi('Remeasurement');

const LatenessSchema = LateResultSchema.pick({
  promisedDate: true,
  lateUntil: true,
  delivered: true,
  businessDaysLate: true,
  daysLate: true,
  dayBasis: true,
  amount: true,
  capped: true,
  lines: true,
})
  .extend({ late: z.boolean() })
  .openapi('Lateness', {
    description:
      'The late calculator’s figures for the shipment: up to the delivery, or up to today while undelivered (the amount accrued so far)',
  });

/** A shipment: its facts and what follows from them as of today. */
export const ShipmentSchema = ShipmentInputSchema.extend({
  packaging: z.array(PackagingOrderSchema),
  shopId: z.string(),
  orderId: z.string(),
  weight: WeightResultSchema,
  charges: ChargesSchema,
  status: z.enum(SHIPMENT_STATUSES),
  statusAt: z.string().optional(),
  deliveredDate: IsoDateSchema.optional(),
  events: z.array(ShipmentEventSchema).openapi({ description: 'Every event, in time order' }),
  deadline: DeadlineSchema,
  remeasurement: RemeasurementSchema.optional(),
  lateness: orNull(LatenessSchema).openapi({
    description: 'Null for a cancelled shipment or one not shipped yet',
  }),
  version: z.number().int(),
  updatedAt: z.string(),
  personalData: erasedMark,
}).openapi('Shipment') satisfies z.ZodType<ShipmentView>;

/** An order with its shipments and the status that follows its last shipment to be delivered. */
export const OrderSchema = z
  .object({
    shopId: z.string(),
    orderId: z.string(),
    placedAt: z.string(),
    customer: ClaimantSchema,
    b2b: z.boolean(),
    status: z.enum(SHIPMENT_STATUSES).openapi({
      description:
        'The status of its last shipment to be delivered; cancelled shipments do not count unless all are',
    }),
    shipments: z.array(ShipmentSchema),
    version: z.number().int(),
    updatedAt: z.string(),
    personalData: erasedMark,
  })
  .openapi('Order');

/** A claim as a shipment lists it (GET /v1/shipments/{id}, an order, the late listing). */
export const ShipmentClaimRefSchema = z
  .object({
    id: z.string(),
    type: z.enum(CLAIM_TYPES),
    status: z.enum(CLAIM_STATUSES),
    amount: MoneySchema.openapi({ description: 'What the calculator computed at filing' }),
    approvedAmount: MoneySchema.optional(),
    paidAmount: MoneySchema.optional(),
    createdAt: z.string(),
  })
  .openapi('ShipmentClaim');

/** The rule of domain/shipment/lateness-stop.ts, as the spec says it. */
export const LATENESS_STOP_RULE = `Once the carrier has accepted a ${LATENESS_STOPPING_TYPES.map((t) => `\`${t}\``).join(' or ')} claim filed from the shipment (status ${ACCEPTED_CLAIM_STATUSES.map((s) => `\`${s}\``).join(', ')}), its lateness stops growing: it is counted up to that claim’s filing day (\`latenessFrozenOn\`), or up to the delivery if that came first. A lost claim accepted means the parcel is treated as lost from the day it was declared lost; a late claim accepted keeps the lateness at what was claimed. A rejected or withdrawn claim, one still open, or a damaged-parcel claim stops nothing; of several accepted claims the earliest filed decides.`;

// Each late shipment with the cause its lateness is put down to, and its claim.
const LateShipmentItemSchema = ShipmentSchema.extend({
  cause: z.enum(CLAIM_CAUSES).openapi({
    description:
      'Why it is late: the reason of its latest reschedule (`courier_late`, `supplier_late`, `other`), else `courier_late`; a claim filed for it starts with this cause',
  }),
  claim: ShipmentClaimRefSchema.optional().openapi({
    description:
      'A claim filed from this shipment (`POST /v1/shipments/{shipmentId}/claims`: its `shipmentId`): the one that stopped its lateness, else the latest filed; absent when none was. Kept up to date off the request path, so it follows a claim’s move within seconds. A claim filed through `POST /v1/claims` (by waybill) is not linked; `GET /v1/shipments/{shipmentId}` lists every claim on the parcel.',
  }),
  latenessFrozenOn: IsoDateSchema.optional().openapi({
    description: `Present once a claim settled the shipment’s lateness: the last day \`lateness\` counts. ${LATENESS_STOP_RULE}`,
  }),
}).openapi('LateShipmentItem');

export const LateShipmentListSchema = z
  .object({ items: z.array(LateShipmentItemSchema), nextCursor: z.string().optional() })
  .openapi('LateShipmentList');

const shopIdParam = z.string().min(1).max(64).optional().openapi({
  description:
    'Clerk keys: the shop whose order or shipment it is (required for a clerk). Shop keys: leave it out.',
});

export const OrderParamsSchema = z.object({
  orderId: OwnIdSchema.openapi({ param: { name: 'orderId', in: 'path' }, example: 'O-1001' }),
});
export const ShipmentParamsSchema = z.object({
  shipmentId: OwnIdSchema.openapi({
    param: { name: 'shipmentId', in: 'path' },
    example: 'S-1001-1',
  }),
});
export const ShopQuerySchema = z.object({ shopId: shopIdParam });

export const LateQuerySchema = z.object({
  late: z.enum(['true'], { error: 'must be true: only the late listing is served' }).openapi({
    description: 'Required, `true`: shipments past their deadline (undelivered, or delivered late)',
  }),
  shopId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'Clerk keys only: one shop’s' }),
  limit: z.coerce
    .number({ error: 'must be a whole number from 1 to 100' })
    .int('must be a whole number from 1 to 100')
    .min(1)
    .max(100)
    .default(20),
  cursor: z.string().max(2000).optional().openapi({
    description:
      'nextCursor of the previous page, unchanged. Opaque, and bound to the caller (its API key) and to the shop listed.',
  }),
});

/** The answer to an event: the shipment after it, and whether it was a resend. */
export const EventAnswerSchema = z
  .object({
    duplicate: z
      .boolean()
      .openapi({ description: 'True: this event id was recorded before; nothing changed' }),
    shipment: ShipmentSchema,
  })
  .openapi('EventAnswer');
