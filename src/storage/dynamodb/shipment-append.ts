/**
 * The UpdateItem that records a status report with no read (see the domain's
 * ./report-effect.ts): it appends the report (events list, event ids, version + 1, write
 * time) and applies the report's effect, conditioned on what that effect assumes, so a
 * shipment for which it does not hold is left as it was and handed back (ALL_OLD) to be
 * decided on. Items stored before the events list existed never match (`size()` of a missing
 * list is no match) and take the read path, which writes them in the current layout.
 */
import { latestStatusMs, type ReportEffect, type ShipmentEvent } from '../../domain/shipment';
import type { ShipmentRecord } from '../repository';
import { INDEXES } from '../table';
import type { Item } from './codec';
import {
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
const WATCH_KEYS = [
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
 * @example reportUpdate(event, { kind: 'routine', ms }, { updatedAt, maxEvents: 200 }, undefined).ConditionExpression
 * // '#onWay = :true AND size(#events) < :max AND NOT contains(#ids, :eventId) AND (attribute_not_exists(#latest) OR #latest <= :ms)'
 */
export function reportUpdate(
  event: ShipmentEvent,
  effect: ReportEffect,
  write: { updatedAt: string; maxEvents: number },
  /** The copy this instance holds, if any: which way the guesses below fall. */
  known: ShipmentRecord | undefined,
): UpdateInput {
  const names: Record<string, string> = {
    '#events': EVENTS,
    '#version': 'version',
    '#at': UPDATED_AT,
    '#ids': EVENT_IDS,
    '#onWay': ON_ITS_WAY,
    '#latest': LATEST_STATUS_MS,
  };
  const values: Item = {
    ':event': { L: [{ S: JSON.stringify(event) }] },
    ':one': { N: '1' },
    ':at': { S: write.updatedAt },
    ':id': { SS: [event.eventId] },
    ':eventId': { S: event.eventId },
    ':true': { BOOL: true },
    ':max': { N: String(write.maxEvents) },
    ':ms': { N: String(effect.ms) },
  };
  const set = ['#events = list_append(#events, :event)', '#version = #version + :one', '#at = :at'];
  const remove: string[] = [];
  const conditions = ['#onWay = :true', 'size(#events) < :max', 'NOT contains(#ids, :eventId)'];
  // A routine report earlier than the latest changes nothing else; guessed from the copy held.
  const knownLatest = known && latestStatusMs(known.events);
  const outOfOrder =
    effect.kind === 'routine' && knownLatest !== undefined && knownLatest > effect.ms;
  if (outOfOrder) {
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
    // On time unless the copy held says the date is late: a late delivery stays watched.
    const late = known?.lateFrom !== undefined && effect.date >= known.lateFrom;
    if (late) {
      conditions.push('#lateFrom <= :date');
    } else {
      conditions.push('#lateFrom > :date');
      endWatch();
    }
  }
  return {
    UpdateExpression:
      `SET ${set.join(', ')}` +
      (remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : '') +
      ' ADD #ids :id',
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
