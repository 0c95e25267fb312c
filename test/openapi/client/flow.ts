/**
 * A partner's client, written only against the types openapi-typescript
 * generates from our /openapi.json (`paths`, `components`), with plain fetch:
 * calculate, file, replay, list, history, review, decide, pay.
 *
 * It is compiled, never run: test/openapi/generated-client.test.ts generates
 * the types into a temporary `parcel-claims-openapi` module and type-checks
 * this file under strict tsc. The type assertions at the end hold the
 * generated types to what the API accepts (zod's input types) and answers
 * (the domain's types).
 */
import type { components, paths } from 'parcel-claims-openapi';
import type { z } from 'zod';
import type {
  Claim as DomainClaim,
  ClaimEvent as DomainClaimEvent,
} from '../../../src/domain/claim';
import type {
  LateResult as DomainLateResult,
  LossResult as DomainLossResult,
} from '../../../src/domain/compensation';
import type {
  FileClaimSchema,
  PaymentSchema,
  DecisionSchema,
} from '../../../src/schemas/claim.schema';
import type { LateRequestSchema } from '../../../src/schemas/compensation.schema';

type Schemas = components['schemas'];

/** The JSON body an operation takes. */
type RequestBody<O> = O extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;
/** The JSON (or problem+json) answer of an operation with `status`. */
type Answer<O, S extends number> = O extends { responses: infer R }
  ? S extends keyof R
    ? R[S] extends { content: { 'application/json': infer B } }
      ? B
      : R[S] extends { content: { 'application/problem+json': infer P } }
        ? P
        : never
    : never
  : never;
type Params<O, In extends 'path' | 'query' | 'header'> = O extends {
  parameters: { [K in In]?: infer P };
}
  ? NonNullable<P>
  : never;

interface Client {
  baseUrl: string;
  apiKey?: string;
}

/** One call: the typed answer for `status`, or an error with the problem it got. */
async function send<T>(
  client: Client,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; expect: number },
): Promise<{ body: T; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (client.apiKey) headers.authorization = `Bearer ${client.apiKey}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, client.baseUrl), {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (response.status !== options.expect) {
    const problem = (await response.json()) as Schemas['Problem'];
    throw new Error(`${problem.type}: ${problem.detail}`);
  }
  return { body: (await response.json()) as T, headers: response.headers };
}

type Late = paths['/v1/compensation/late']['post'];
type FileOp = paths['/v1/claims']['post'];
type ListOp = paths['/v1/claims']['get'];
type HistoryOp = paths['/v1/claims/{id}/history']['get'];
type ReviewOp = paths['/v1/claims/{id}/review']['post'];
type DecideOp = paths['/v1/claims/{id}/decision']['post'];
type PayOp = paths['/v1/claims/{id}/payment']['post'];
type ClaimId = Params<ReviewOp, 'path'>['id'];

export const calculateLate = async (client: Client, body: RequestBody<Late>) =>
  (await send<Answer<Late, 200>>(client, 'POST', '/v1/compensation/late', { body, expect: 200 }))
    .body;

export async function fileClaim(
  client: Client,
  body: RequestBody<FileOp>,
  headers: Params<FileOp, 'header'>,
) {
  const sent: Record<string, string> = {};
  if (headers['idempotency-key']) sent['idempotency-key'] = headers['idempotency-key'];
  const { body: claim, headers: got } = await send<Answer<FileOp, 201>>(
    client,
    'POST',
    '/v1/claims',
    { body, headers: sent, expect: 201 },
  );
  type Sent = FileOp['responses'][201]['headers'];
  const location: Sent['Location'] = got.get('location') ?? '';
  const etag: Sent['ETag'] = got.get('etag') ?? '';
  const replayed: boolean = got.get('idempotent-replayed') === 'true';
  return { claim, location, etag, replayed };
}

export async function listClaims(client: Client, query: Params<ListOp, 'query'>) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) search.set(name, String(value));
  }
  return (await send<Answer<ListOp, 200>>(client, 'GET', `/v1/claims?${search}`, { expect: 200 }))
    .body;
}

export const history = async (client: Client, id: Params<HistoryOp, 'path'>['id']) =>
  (await send<Answer<HistoryOp, 200>>(client, 'GET', `/v1/claims/${id}/history`, { expect: 200 }))
    .body;

/** A move, sent with the ETag read (`If-Match`). */
async function move<O>(
  client: Client,
  id: ClaimId,
  name: string,
  ifMatch: Params<ReviewOp, 'header'>['if-match'],
  body: RequestBody<O> | undefined,
) {
  const { body: claim, headers } = await send<Answer<O, 200>>(
    client,
    'POST',
    `/v1/claims/${id}/${name}`,
    { body, headers: ifMatch ? { 'if-match': ifMatch } : {}, expect: 200 },
  );
  return { claim, etag: headers.get('etag') ?? '' };
}

/** A problem a move can answer with, and what the client reads from it. */
export function explainRefusal(problem: Answer<ReviewOp, 409> | Answer<ReviewOp, 412>): string {
  if (problem.type === '/problems/invalid-transition') {
    return `the claim is ${problem.currentStatus}; cannot ${problem.attempted}`;
  }
  if (problem.type === '/problems/precondition-failed') {
    const current: number = problem.currentVersion;
    return `read it again: it is at version ${current}`;
  }
  return problem.currentVersion === undefined ? 'retry' : `retry at ${problem.currentVersion}`;
}

export const fieldsOf = (problem: Answer<FileOp, 422>): string[] =>
  (problem.errors ?? []).map(
    (e) => `${e.pointer ?? e.parameter ?? e.header}: ${e.detail} (${e.code ?? '-'})`,
  );

/**
 * What a claim comes to, read by its `type` alone: no `in` check, no cast. `type` narrows the
 * claim (or a listed claim) to one shape, its shipment and compensation with it.
 */
export function describeClaim(claim: Schemas['Claim'] | Schemas['ClaimSummary']): string {
  const amount = claim.compensation.amount;
  switch (claim.type) {
    case 'late': {
      const late: Schemas['LateResult'] = claim.compensation;
      const shipment: Schemas['LateShipment'] = claim.shipment;
      return `${late.businessDaysLate} days late after ${shipment.promisedDate ?? late.promisedDate}: ${amount.amount}`;
    }
    case 'lost': {
      const loss: Schemas['LossResult'] = claim.compensation;
      const shipment: Schemas['LostShipment'] = claim.shipment;
      return `lost, ${loss.components.length} parts, declared ${shipment.insurance?.declaredValue.amount ?? 'none'}: ${amount.amount}`;
    }
    case 'damaged': {
      const loss: Schemas['LossResult'] = claim.compensation;
      const shipment: Schemas['DamagedShipment'] = claim.shipment;
      return `damaged by ${shipment.documentedDamage?.amount ?? 'an unknown sum'}, waits for ${loss.missingEvidence.join(', ')}: ${amount.amount}`;
    }
    default: {
      const none: never = claim;
      return none;
    }
  }
}

type MessagesOp = paths['/v1/claims/{id}/messages']['get'];
type SentOp = paths['/v1/claims/{id}/messages/{messageId}/sent']['post'];

/** Records each drafted message as sent: a listed id is what `…/sent` takes, with no guard. */
export async function acknowledge(client: Client, id: ClaimId): Promise<string[]> {
  const drafts = await send<Answer<MessagesOp, 200>>(client, 'GET', `/v1/claims/${id}/messages`, {
    expect: 200,
  });
  const sent: string[] = [];
  for (const message of drafts.body.items) {
    const messageId: Params<SentOp, 'path'>['messageId'] = message.id;
    const path = `/v1/claims/${id}/messages/${messageId}/sent`;
    const { body } = await send<Answer<SentOp, 200>>(client, 'POST', path, { expect: 200 });
    sent.push(`${body.id} sent at ${body.sentAt ?? '?'}`);
  }
  return sent;
}

type PutOrderOp = paths['/v1/orders/{orderId}']['put'];
type CalendarOp = paths['/v1/calendars/{country}/{year}']['get'];
type CountsOp = paths['/v1/claim-counts']['get'];

/** The working days of a year: `year` is a number, as a client holds it. */
export const workingDays = async (client: Client, year: Params<CalendarOp, 'path'>['year']) =>
  (
    await send<Answer<CalendarOp, 200>>(client, 'GET', `/v1/calendars/RU/${year}`, {
      expect: 200,
    })
  ).body;

/** The queue's counts: every status is there, no `?? 0`. */
export async function openClaims(client: Client): Promise<number> {
  const { counts } = (
    await send<Answer<CountsOp, 200>>(client, 'GET', '/v1/claim-counts', {
      expect: 200,
    })
  ).body;
  return counts.submitted + counts.in_review + counts.needs_info;
}

/** The whole flow, as a shop and the claims desk run it. */
export async function claimFlow(shop: Client, clerk: Client): Promise<string[]> {
  const notes: string[] = [];
  const late = await calculateLate(shop, {
    deliveryCost: { amount: '500.00', currency: 'RUB' },
    promisedDate: '2025-04-30',
    deliveredDate: '2025-05-06',
    calendar: 'RU',
  });
  // A policy without a cap answers `cap: null`.
  const uncapped: Answer<Late, 200>['cap'] = null;
  const cap: Schemas['Money'] | null = late.cap ?? uncapped;
  notes.push(cap === null ? 'no cap' : `capped at ${cap.amount} ${cap.currency}`);
  notes.push(...late.lines.map((line) => `${line.key}: ${line.text}`));

  // No `evidence`: it is optional in the request.
  const filing: RequestBody<FileOp> = {
    type: 'late',
    carrier: 'cdek',
    waybill: '1234567890',
    shippedDate: '2025-04-25',
    shipment: {
      deliveryCost: { amount: '500.00', currency: 'RUB' },
      promisedDate: late.promisedDate,
      deliveredDate: late.lateUntil,
    },
    claimant: { name: 'Anna Petrova', email: 'anna@example.com', phone: '+7 900 000-00-00' },
    description: 'Delivered six days late.',
  };
  const key = { 'idempotency-key': 'order-A-1001' };
  const filed = await fileClaim(shop, filing, key);
  const replay = await fileClaim(shop, filing, key);
  if (!replay.replayed || replay.claim.id !== filed.claim.id) notes.push('replay differs');

  notes.push(`${filed.location} ${describeClaim(filed.claim)}`);

  const page = await listClaims(shop, { status: 'submitted', limit: 10 });
  const cursor: string | undefined = page.nextCursor;
  notes.push(`${page.items.length} claims${cursor ? ', more' : ''}`);
  notes.push(...page.items.map(describeClaim));
  notes.push(...(await acknowledge(shop, filed.claim.id)));
  const events = await history(shop, filed.claim.id);
  for (const event of events.items) notes.push(`${event.seq} ${event.type} by ${event.actor.role}`);

  const reviewed = await move<ReviewOp>(clerk, filed.claim.id, 'review', filed.etag, {
    note: 'Taken by the Monday shift',
  });
  const decided = await move<DecideOp>(clerk, filed.claim.id, 'decision', reviewed.etag, {
    decision: 'approved',
    reason: 'Late by the carrier’s own tracking',
  });
  const paid = await move<PayOp>(clerk, filed.claim.id, 'payment', decided.etag, {
    amount: decided.claim.compensation.amount,
    paidOn: '2025-06-20',
    reference: 'PP-000123',
  });
  const status: 'paid' | Schemas['Claim']['status'] = paid.claim.status;
  notes.push(status, paid.claim.payment?.reference ?? 'no payment');
  return notes;
}

// The generated types are the API's own: requests as zod accepts them, answers as the domain gives them.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Accepted<A, B> = [A] extends [B] ? true : false;
const holds = <T extends true>(): T[] => [];

/** The answered shape of one claim type. */
type ClaimOf<T extends DomainClaim['type']> = Extract<Schemas['Claim'], { type: T }>;

export const typesHold = [
  // Every answered claim is a domain claim, and each type has one shape: its own shipment and
  // result (the domain keeps them apart; the answer pairs them, src/routes/claims/claim-answer.ts).
  holds<Accepted<Schemas['Claim'], DomainClaim>>(),
  holds<Same<Schemas['Claim']['type'], DomainClaim['type']>>(),
  holds<Same<ClaimOf<'late'>['compensation'], DomainLateResult>>(),
  holds<Same<ClaimOf<'lost'>['compensation'], DomainLossResult>>(),
  holds<Same<ClaimOf<'damaged'>['compensation'], DomainLossResult>>(),
  holds<Same<ClaimOf<'late'>['shipment'], Schemas['LateShipment']>>(),
  holds<Same<ClaimOf<'lost'>['shipment'], Schemas['LostShipment']>>(),
  holds<Same<ClaimOf<'damaged'>['shipment'], Schemas['DamagedShipment']>>(),
  holds<Same<Schemas['ClaimSummary']['type'], DomainClaim['type']>>(),
  // A listed message's id is the type `…/sent` takes; a year is a number; every status counted.
  holds<Same<Schemas['CustomerMessage']['id'], Params<SentOp, 'path'>['messageId']>>(),
  holds<Same<Params<CalendarOp, 'path'>['year'], number>>(),
  holds<Same<Answer<CountsOp, 200>['counts'], Record<DomainClaim['status'], number>>>(),
  // A 409 is only what the operation can answer: a move's status or race, a filing's guard.
  holds<
    Same<Answer<ReviewOp, 409>['type'], '/problems/invalid-transition' | '/problems/conflict'>
  >(),
  holds<Same<Answer<FileOp, 409>['type'], '/problems/claim-exists' | '/problems/conflict'>>(),
  holds<Same<Answer<PutOrderOp, 409>['type'], '/problems/order-changed'>>(),
  holds<Same<Schemas['ClaimEvent'], DomainClaimEvent>>(),
  holds<Same<Schemas['LateResult'], DomainLateResult>>(),
  holds<Same<Schemas['LossResult'], DomainLossResult>>(),
  holds<Same<RequestBody<DecideOp>, z.input<typeof DecisionSchema>>>(),
  holds<Same<RequestBody<PayOp>, z.input<typeof PaymentSchema>>>(),
  // What a generated client may send, zod accepts (its calendar also takes lower case).
  holds<Accepted<RequestBody<FileOp>, z.input<typeof FileClaimSchema>>>(),
  holds<Accepted<RequestBody<Late>, z.input<typeof LateRequestSchema>>>(),
  holds<Same<RequestBody<FileOp>['evidence'], z.input<typeof FileClaimSchema>['evidence']>>(),
];
