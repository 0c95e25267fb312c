/**
 * A shipment turned into a claim (issue: "files the claim from the shipment's facts with no
 * retyping"): the carrier, waybill and shipping date are the shipment's; the claimant is the
 * order's customer; the calculator input comes from what the shipment knows — for late, the
 * deadline (the date first promised unless the policy moves it) and the delivery, or today
 * while undelivered; for lost and damaged, the delivery cost the policy counts and the
 * shipment's insurance. The request adds only what the shipment cannot know.
 */
import type { IsoDate } from '../calendar/dates';
import type { ClaimFiling } from '../claim/filing';
import { defaultCause, type ClaimCause } from '../claim/cause';
import type { Claimant } from '../claim/types';
import { DomainError } from '../errors';
import type { EvidenceKind } from '../evidence';
import type { MoneyJson } from '../money';
import type { ShipmentSummary } from './view';
import type { ProblemEvent, RescheduledEvent, ShipmentEvent, ShipmentFacts } from './types';

type Evidence = { kind: EvidenceKind; name: string; url?: string };

/** What a claim on a shipment adds to the shipment's facts (`cause`: see ../claim/cause.ts). */
export type ShipmentClaimRequest =
  | { type: 'late'; description: string; evidence: Evidence[]; cause?: ClaimCause | undefined }
  | {
      type: 'lost';
      description: string;
      evidence: Evidence[];
      cause?: ClaimCause | undefined;
      /** The documented value of the contents (invoice, receipt). */
      documentedValue?: MoneyJson;
    }
  | {
      type: 'damaged';
      description: string;
      evidence: Evidence[];
      cause?: ClaimCause | undefined;
      /** The damage proven by documents (repair estimate, invoice, receipt). */
      documentedDamage?: MoneyJson;
    };

/** The shipment as the service reads it: its facts and what follows from them. */
export type ShipmentOnFile = ShipmentFacts &
  Pick<ShipmentSummary, 'charges' | 'deadline' | 'deliveredDate' | 'events'> & { orderId: string };

/** A fact the claim needs that the shipment does not state: a 422 naming it. */
function required<T>(value: T | undefined, field: string, shipment: ShipmentOnFile): T {
  if (value !== undefined) return value;
  const message = `shipment '${shipment.shipmentId}' has no ${field}, which a claim needs: give it in its order (PUT /v1/orders/${shipment.orderId})`;
  throw new DomainError('invalid-input', message, `/${field}`, {
    reason: 'missing_fact',
    params: { field },
  });
}

/**
 * The claim filing for a shipment of the order whose customer is `claimant`, as of `today`.
 * Refused (422 naming the field) when the shipment has no waybill or no shipping date.
 * @example shipmentFiling(shipment, customer, { type: 'late', description: 'Late', evidence: [] }, '2025-06-16').shipment // { deliveryCost, promisedDate: '2025-06-05', asOf: '2025-06-16' }
 */
export function shipmentFiling(
  shipment: ShipmentOnFile,
  claimant: Claimant,
  request: ShipmentClaimRequest,
  today: IsoDate,
): ClaimFiling {
  const { deliveryCost } = shipment.charges;
  const common = claimCommon(shipment, claimant, request);
  if (request.type === 'late') {
    const until =
      shipment.deliveredDate === undefined
        ? { asOf: today }
        : { deliveredDate: shipment.deliveredDate };
    return {
      ...common,
      type: 'late',
      shipment: {
        deliveryCost,
        promisedDate: shipment.deadline.deadline,
        ...until,
        ...(shipment.calendar === undefined ? {} : { calendar: shipment.calendar }),
      },
    };
  }
  const { insurance } = shipment;
  if (request.type === 'lost') {
    const documentedValue = request.documentedValue ?? insurance?.documentedValue;
    const insured = insurance && {
      declaredValue: insurance.declaredValue,
      ...(documentedValue === undefined ? {} : { documentedValue }),
    };
    return {
      ...common,
      type: 'lost',
      shipment: {
        deliveryCost,
        deliveryPaid: shipment.deliveryPaid,
        ...(insured ? { insurance: insured } : {}),
        ...(!insured && documentedValue !== undefined ? { documentedValue } : {}),
      },
    };
  }
  return {
    ...common,
    type: 'damaged',
    shipment: {
      deliveryCost,
      ...(insurance ? { insurance: { declaredValue: insurance.declaredValue } } : {}),
      ...(request.documentedDamage === undefined
        ? {}
        : { documentedDamage: request.documentedDamage }),
    },
  };
}

type Common = Omit<ClaimFiling, 'type' | 'shipment'> & { shipmentId: string };

function claimCommon(
  shipment: ShipmentOnFile,
  claimant: Claimant,
  request: ShipmentClaimRequest,
): Common {
  return {
    carrier: shipment.carrier,
    waybill: required(shipment.waybill, 'waybill', shipment),
    orderId: shipment.orderId,
    shipmentId: shipment.shipmentId,
    shippedDate: required(shipment.shippedDate, 'shippedDate', shipment),
    claimant,
    description: request.description,
    evidence: request.evidence,
    // Late: the latest reason the carrier gave (reschedule, delivery problem), unless the shop names the cause.
    cause: request.cause ?? defaultCause(request.type, causeHints(shipment.events)),
  };
}

/**
 * The events that say why a shipment is late, in the order given (time order): reschedules
 * and delivery problems.
 * @example causeHints(summary.events) // [{ status: 'rescheduled', reason: 'supplier_late', … }]
 */
export function causeHints(events: readonly ShipmentEvent[]): (RescheduledEvent | ProblemEvent)[] {
  return events.filter(
    (e): e is RescheduledEvent | ProblemEvent =>
      e.status === 'rescheduled' || e.status === 'problem',
  );
}
