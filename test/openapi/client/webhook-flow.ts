/**
 * A partner's webhook receiver and catch-up poller, written only against the types
 * openapi-typescript generates from our /openapi.json (`webhooks`, `components`, `paths`):
 * every event type has its body's type, told apart by `type` with no cast or guard, and
 * GET /v1/events lists the same bodies. Compiled under strict tsc by
 * test/openapi/generated-client.test.ts, never run.
 */
import createClient from 'openapi-fetch';
import type { components, paths, webhooks } from 'parcel-claims-openapi';
import type { Remedy as DomainRemedy } from '../../../src/domain/remedy';
import type { WebhookEventType } from '../../../src/webhooks/types';

type Schemas = components['schemas'];
type Event = Schemas['WebhookEvent'];

/** The JSON body a webhook POSTs. */
type Body<T extends keyof webhooks> = webhooks[T]['post'] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;
/** The headers a webhook is sent with. */
type Headers<T extends keyof webhooks> = webhooks[T]['post'] extends {
  parameters: { header: infer H };
}
  ? H
  : never;

/** The highest sequence kept per subject, and the ids handled (the receiver's idempotency). */
interface Seen {
  sequences: Map<string, number>;
  ids: Set<string>;
}

/** What a receiver does with one event: every type handled, each `data` its own resource. */
export function onEvent(seen: Seen, id: string, event: Event): string {
  if (seen.ids.has(id)) return 'repeat';
  seen.ids.add(id);
  switch (event.type) {
    case 'claim.filed':
    case 'claim.status_changed':
    case 'claim.paid':
    case 'claim.acknowledgement_overdue': {
      const last = seen.sequences.get(event.data.id) ?? 0;
      if (event.sequence <= last) return 'older';
      seen.sequences.set(event.data.id, event.sequence);
      const paid = event.data.payment?.amount.amount ?? 'unpaid';
      return `${event.data.id} ${event.data.status} ${paid} ${event.data.compensation.amount.amount}`;
    }
    case 'shipment.late':
    case 'shipment.delivered':
      return `${event.data.shipmentId} ${event.data.lateness?.amount.amount ?? '-'} ${event.data.claims.length}`;
    case 'remedy.answered':
      return `${event.data.claimId} ${event.data.status} ${event.sequence}`;
    case 'webhook.test':
      return `${event.data.endpointId}: ${event.data.message}`;
    case 'endpoint.disabled':
      return `${event.data.url} ${event.data.disabledReason ?? 'disabled'}`;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** After a downtime: every event since the last one kept, page by page, through one handler. */
export async function catchUp(baseUrl: string, apiKey: string, since: string, seen: Seen) {
  const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });
  const done: string[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await api.GET('/v1/events', {
      params: { query: { since, limit: 100, ...(cursor === undefined ? {} : { cursor }) } },
    });
    if (data === undefined) throw new Error(error.detail);
    for (const event of data.items) done.push(onEvent(seen, event.id, event));
    cursor = data.nextCursor;
  } while (cursor !== undefined);
  return done;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Accepted<A, B> = [A] extends [B] ? true : false;
const holds = <T extends true>(): T[] => [];
type TestEvent = Extract<Event, { type: 'webhook.test' }>;

export const typesHold = [
  // One webhook per event type, each POSTing its named body with the three signed headers.
  holds<Same<keyof webhooks, WebhookEventType>>(),
  holds<Same<Event['type'], WebhookEventType>>(),
  holds<Same<Body<'claim.paid'>, Schemas['ClaimPaidEvent']>>(),
  holds<Same<Body<'shipment.late'>, Schemas['ShipmentLateEvent']>>(),
  holds<Same<Body<'endpoint.disabled'>['data'], Schemas['WebhookEndpoint']>>(),
  holds<Same<Body<'claim.filed'>['data'], Schemas['Claim']>>(),
  holds<Same<Body<'shipment.delivered'>['data'], Schemas['ShipmentWithClaims']>>(),
  holds<Accepted<Body<'remedy.answered'>['data'], DomainRemedy>>(),
  holds<
    Same<
      Headers<'claim.filed'>,
      { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string }
    >
  >(),
  // `sequence` on every event that reports a change; none on a test.
  holds<Same<Exclude<Event, TestEvent>['sequence'], number>>(),
  holds<Same<'sequence' extends keyof TestEvent ? true : false, false>>(),
];
