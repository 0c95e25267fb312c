/**
 * The UpdateItem that records a report with no read (see the domain's ./report-effect.ts): it
 * appends the report (events list, event ids, version + 1, write time) and applies the
 * report's effect, conditioned on what that effect assumes, so a shipment for which it does
 * not hold is left as it was and handed back (ALL_OLD) to be decided on. Items stored before
 * the events list (or the carrier and currency attributes) existed never match (`size()` of a
 * missing list, `IN` on a missing attribute: no match) and take the read path, which writes
 * them in the current layout.
 */
import { latestStatusMs, type ReportEffect, type ShipmentEvent } from '../../domain/shipment';
import type { ShipmentRecord } from '../repository';
import { INDEXES } from '../table';
import type { Item } from './codec';
import {
  CARRIER,
  CURRENCY,
  DELIVERY_REPORTED,
  EVENT_IDS,
  EVENTS,
  LATE_FROM,
  LATEST_STATUS_MS,
  ON_ITS_WAY,
  SHIPPED_DATE,
  UPDATED_AT,
} from './shipment-items';

/** The late-index attributes, removed when a report ends the watch. */
export const WATCH_KEYS = [
  INDEXES.shopLateShipments.pk,
  INDEXES.lateShipments.pk,
  INDEXES.lateShipments.sk,
] as const;

interface UpdateInput {
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Item;
}

/**
 * Which way the two unknowns of a status report fall, where the report alone cannot tell: is
 * it earlier than the latest report the shipment has (then it changes nothing but the
 * events), and is a delivery late (then the shipment stays watched)? A wrong guess only fails
 * the condition. With no copy to tell a delivery by, `late` is undefined: the delivery is
 * written whichever it is, leaving the late index as it was, and the shipment's place in it is
 * put right after the answer (the service's `tidyWatch`) when it was on time.
 */
export interface ReportGuess {
  outOfOrder: boolean;
  late: boolean | undefined;
}

/**
 * The guess the copy this instance holds makes (in order, and a delivery untold without one).
 * @example guessFrom({ kind: 'routine', ms: 0 }, undefined) // { outOfOrder: false, late: undefined }
 */
export function guessFrom(effect: ReportEffect, known: ShipmentRecord | undefined): ReportGuess {
  const knownLatest = known && latestStatusMs(known.events);
  return {
    outOfOrder: effect.kind === 'routine' && knownLatest !== undefined && knownLatest > effect.ms,
    late:
      effect.kind !== 'delivered' || known === undefined
        ? undefined
        : known.lateFrom !== undefined && effect.date >= known.lateFrom,
  };
}

/**
 * @example reportUpdate(event, { kind: 'routine', ms }, { updatedAt, maxEvents: 200 }, { outOfOrder: false, late: undefined }).ConditionExpression
 * // '#onWay = :true AND size(#events) < :max AND NOT contains(#ids, :eventId) AND (attribute_not_exists(#latest) OR #latest <= :ms)'
 */
export function reportUpdate(
  event: ShipmentEvent,
  effect: ReportEffect,
  write: { updatedAt: string; maxEvents: number },
  guess: ReportGuess,
): UpdateInput {
  const names: Record<string, string> = {
    '#events': EVENTS,
    '#version': 'version',
    '#at': UPDATED_AT,
    '#ids': EVENT_IDS,
  };
  const values: Item = {
    ':event': { L: [{ S: JSON.stringify(event) }] },
    ':one': { N: '1' },
    ':at': { S: write.updatedAt },
    ':id': { SS: [event.eventId] },
    ':eventId': { S: event.eventId },
    ':max': { N: String(write.maxEvents) },
  };
  const set = ['#events = list_append(#events, :event)', '#version = #version + :one', '#at = :at'];
  const remove: string[] = [];
  const conditions = ['size(#events) < :max', 'NOT contains(#ids, :eventId)'];
  const update = (): UpdateInput => ({
    UpdateExpression:
      `SET ${set.join(', ')}` +
      (remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : '') +
      ' ADD #ids :id',
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
  if (effect.kind === 'noted') {
    // A report of facts, for a carrier for which it changes nothing but the events.
    names['#carrier'] = CARRIER;
    const carriers = effect.carriers.map((carrier, i) => {
      values[`:c${i}`] = { S: carrier };
      return `:c${i}`;
    });
    conditions.push(`#carrier IN (${carriers.join(', ')})`);
    if (effect.currency !== undefined) {
      names['#currency'] = CURRENCY;
      values[':currency'] = { S: effect.currency };
      conditions.push('#currency = :currency');
    }
    return update();
  }
  names['#onWay'] = ON_ITS_WAY;
  names['#latest'] = LATEST_STATUS_MS;
  values[':true'] = { BOOL: true };
  values[':ms'] = { N: String(effect.ms) };
  conditions.unshift('#onWay = :true');
  // A routine report earlier than the latest changes nothing else.
  if (guess.outOfOrder && effect.kind === 'routine') {
    conditions.push('#latest > :ms');
  } else {
    // Only a report later than every other status report can end the way as told.
    conditions.push('(attribute_not_exists(#latest) OR #latest <= :ms)');
    set.push('#latest = :ms');
  }
  const endWatch = () => {
    WATCH_KEYS.forEach((key, i) => {
      names[`#w${i}`] = key;
      remove.push(`#w${i}`);
    });
  };
  if (effect.kind !== 'routine') {
    names['#lateFrom'] = LATE_FROM;
    remove.push('#onWay', '#lateFrom');
  }
  if (effect.kind === 'cancelled') endWatch();
  if (effect.kind === 'delivered') {
    names['#delivered'] = DELIVERY_REPORTED;
    names['#shipped'] = SHIPPED_DATE;
    values[':date'] = { S: effect.date };
    conditions.push(
      'attribute_not_exists(#delivered)',
      '(attribute_not_exists(#shipped) OR #shipped <= :date)',
    );
    set.push('#delivered = :true');
    // A late delivery stays watched; one on time leaves the late index; one untold is left
    // in it, to be taken out after the answer if it was on time.
    if (guess.late === true) conditions.push('#lateFrom <= :date');
    if (guess.late === false) {
      conditions.push('#lateFrom > :date');
      endWatch();
    }
  }
  return update();
}
