/**
 * The keys of outbound webhooks' items (a file of their own beside ./keys.ts, whose
 * conventions they follow: user-supplied parts encoded with `part`).
 *
 * | item            | pk                                | sk                                   |
 * |-----------------|-----------------------------------|--------------------------------------|
 * | endpoint        | SHOP#<shop>#WEBHOOKS              | EP#<endpointId>                      |
 * | endpoint count  | SHOP#<shop>#WEBHOOKS              | COUNT                                |
 * | event           | SHOP#<shop>#EVENTS                | <UTC instant>#<eventId>              |
 * | event guard     | SHOP#<shop>#EVENT#<eventId>       | EVENT                                |
 * | event body part | SHOP#<shop>#EVENT#<eventId>       | PART#<n>                             |
 * | delivery        | SHOP#<shop>#WHEP#<endpointId>     | DLV#<ms, 13 digits>#<eventId>        |
 * | attempt         | SHOP#<shop>#WHEP#<endpointId>     | ATT#<ms>#<eventId>#<n, 4 digits>     |
 * | due delivery    | WHDUE#<shard>                     | <dueAt>#<shop>#<deliveryId>          |
 * | desk notice     | WHNOTICE#<shard>                  | <at>#<shop>#<endpointId>             |
 *
 * Events, guards, deliveries, attempts and due markers expire with the event (TTL 30 days);
 * notices after 30 days too.
 */
import type { Item } from './codec';
import { part, shardOf } from './keys';

const key = (pk: string, sk: string): Item => ({ pk: { S: pk }, sk: { S: sk } });

/** Shards of the two cross-shop partitions (due deliveries, desk notices). @example shardOf(id, WEBHOOK_SHARDS) */
export const WEBHOOK_SHARDS = 8;

/** A shop's endpoints and their count. @example endpointPartition('s') // 'SHOP#s#WEBHOOKS' */
export const endpointPartition = (shopId: string) => `SHOP#${part(shopId)}#WEBHOOKS`;
/** @example endpointKey('s', 'we_1') // { pk: 'SHOP#s#WEBHOOKS', sk: 'EP#we_1' } */
export const endpointKey = (shopId: string, endpointId: string): Item =>
  key(endpointPartition(shopId), `EP#${part(endpointId)}`);
/** How many endpoints the shop has (the cap's condition). @example endpointCountKey('s').sk // { S: 'COUNT' } */
export const endpointCountKey = (shopId: string): Item => key(endpointPartition(shopId), 'COUNT');

/** A shop's events, by instant. @example eventPartition('s') // 'SHOP#s#EVENTS' */
export const eventPartition = (shopId: string) => `SHOP#${part(shopId)}#EVENTS`;
/**
 * An event's sort key: its instant in UTC as `toISOString` writes it, whatever offset its
 * source wrote (a carrier's `+03:00`), so events sort, and `since` compares, by instant.
 * @example eventSort('2026-12-07T09:00:00+03:00', 'evt_1') // '2026-12-07T06:00:00.000Z#evt_1'
 */
export const eventSort = (timestamp: string, eventId: string) => {
  const ms = Date.parse(timestamp);
  const instant = Number.isNaN(ms) ? timestamp : new Date(ms).toISOString();
  return `${instant}#${part(eventId)}`;
};
/** An event's item. @example eventKey('s', at, 'evt_1').pk // { S: 'SHOP#s#EVENTS' } */
export const eventKey = (shopId: string, timestamp: string, eventId: string): Item =>
  key(eventPartition(shopId), eventSort(timestamp, eventId));
/** An event id's guard (written once: the announcement's idempotency). @example eventGuardKey('s', 'evt_1').sk // { S: 'EVENT' } */
export const eventGuardKey = (shopId: string, eventId: string): Item =>
  key(`SHOP#${part(shopId)}#EVENT#${part(eventId)}`, 'EVENT');

/** The `n`-th part (1-based) of a body too large for its event item. @example eventPartKey('s', 'evt_1', 1).sk // { S: 'PART#1' } */
export const eventPartKey = (shopId: string, eventId: string, n: number): Item =>
  key(`SHOP#${part(shopId)}#EVENT#${part(eventId)}`, `PART#${n}`);

/** An endpoint's deliveries and their attempts. @example deliveryPartition('s', 'we_1') // 'SHOP#s#WHEP#we_1' */
export const deliveryPartition = (shopId: string, endpointId: string) =>
  `SHOP#${part(shopId)}#WHEP#${part(endpointId)}`;
const ms = (iso: string) => String(Date.parse(iso)).padStart(13, '0');
/** The part of a delivery's sort key after its prefix: the event's instant and id. */
/** @example deliveryStem('2026-12-07T06:00:00.000Z', 'evt_1') // '1796623200000#evt_1' */
export const deliveryStem = (eventTimestamp: string, eventId: string) =>
  `${ms(eventTimestamp)}#${part(eventId)}`;
/** A delivery's item. @example deliveryKey('s', 'we_1', at, 'evt_1').sk // { S: 'DLV#<ms>#evt_1' } */
export const deliveryKey = (
  shopId: string,
  endpointId: string,
  eventTimestamp: string,
  eventId: string,
): Item =>
  key(deliveryPartition(shopId, endpointId), `DLV#${deliveryStem(eventTimestamp, eventId)}`);
/**
 * A delivery's `n`-th attempt (1-based, over every series: numbered in the attempt's own write).
 * @example attemptKey(d, 1).sk // { S: 'ATT#<ms>#evt_1#0001' }
 */
export const attemptKey = (
  d: { shopId: string; endpointId: string; eventTimestamp: string; eventId: string },
  n: number,
): Item =>
  key(
    deliveryPartition(d.shopId, d.endpointId),
    `ATT#${deliveryStem(d.eventTimestamp, d.eventId)}#${String(n).padStart(4, '0')}`,
  );
/** The sort key prefix of a delivery's attempts. @example attemptPrefix(d) // 'ATT#<ms>#evt_1#' */
export const attemptPrefix = (d: { eventTimestamp: string; eventId: string }) =>
  `ATT#${deliveryStem(d.eventTimestamp, d.eventId)}#`;

/** A shard of the due markers. @example duePartition(3) // 'WHDUE#3' */
export const duePartition = (shard: number) => `WHDUE#${shard}`;
/** A delivery's due marker at `dueAt`. @example dueKey({ shopId: 's', id: 'wd_…' }, at).pk // { S: 'WHDUE#<0..7>' } */
export const dueKey = (d: { shopId: string; id: string }, dueAt: string): Item =>
  key(duePartition(shardOf(d.id, WEBHOOK_SHARDS)), `${dueAt}#${part(d.shopId)}#${d.id}`);

/** A shard of the desk notices. @example noticePartition(0) // 'WHNOTICE#0' */
export const noticePartition = (shard: number) => `WHNOTICE#${shard}`;
/** A desk notice. @example noticeKey({ shopId: 's', endpointId: 'we_1', at }).pk // { S: 'WHNOTICE#<0..7>' } */
export const noticeKey = (n: { shopId: string; endpointId: string; at: string }): Item =>
  key(
    noticePartition(shardOf(n.endpointId, WEBHOOK_SHARDS)),
    `${n.at}#${part(n.shopId)}#${part(n.endpointId)}`,
  );
