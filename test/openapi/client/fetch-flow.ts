/**
 * The same partner, with openapi-fetch (what partners use): `createClient<paths>()` over the
 * types openapi-typescript generates from our /openapi.json. Compiled under strict tsc by
 * test/openapi/generated-client.test.ts beside client/flow.ts, never run. No cast, no `in`
 * check, no type guard anywhere: what the contract promises, the types carry.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from 'parcel-claims-openapi';

type Schemas = components['schemas'];

/** An answer that was not the one hoped for, with the problem the API sent. */
class Refused extends Error {
  constructor(readonly problem: unknown) {
    super('refused');
  }
}

/** The data of a call, or the problem it got as an error. */
function dataOf<D>(result: { data?: D; error?: unknown }): D {
  if (result.data === undefined) throw new Refused(result.error);
  return result.data;
}

/** A shop files a late claim, reads it back, lists its claims and tells its customer. */
export async function shopFlow(baseUrl: string, apiKey: string): Promise<string[]> {
  const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });
  const notes: string[] = [];

  const filed = dataOf(
    await api.POST('/v1/claims', {
      params: { header: { 'idempotency-key': 'order-A-1001' } },
      body: {
        type: 'late',
        carrier: 'cdek',
        waybill: '1234567890',
        shippedDate: '2025-04-25',
        shipment: {
          deliveryCost: { amount: '500.00', currency: 'RUB' },
          promisedDate: '2025-04-30',
          deliveredDate: '2025-05-06',
        },
        claimant: { name: 'Anna Petrova', email: 'anna@example.com', phone: '+7 900 000-00-00' },
        description: 'Delivered six days late.',
      },
    }),
  );
  // `type` alone narrows the claim: its compensation and shipment are the late ones.
  if (filed.type === 'late') {
    notes.push(
      `${filed.compensation.businessDaysLate} days late, ${filed.compensation.ratePerDay}`,
    );
    notes.push(filed.shipment.deliveredDate ?? 'not delivered');
  }

  const claim = dataOf(await api.GET('/v1/claims/{id}', { params: { path: { id: filed.id } } }));
  notes.push(claimLine(claim));

  const page = dataOf(await api.GET('/v1/claims', { params: { query: { limit: 10 } } }));
  notes.push(...page.items.map(claimLine));

  // A listed message's id goes straight back into `…/sent`.
  const drafts = dataOf(
    await api.GET('/v1/claims/{id}/messages', { params: { path: { id: claim.id } } }),
  );
  for (const message of drafts.items) {
    const sent = dataOf(
      await api.POST('/v1/claims/{id}/messages/{messageId}/sent', {
        params: { path: { id: claim.id, messageId: message.id } },
      }),
    );
    notes.push(`${sent.id}: ${sent.sentAt ?? 'not recorded'}`);
  }

  // A year is a number.
  const year: number = new Date().getUTCFullYear();
  const calendar = dataOf(
    await api.GET('/v1/calendars/{country}/{year}', {
      params: { path: { country: 'RU', year } },
    }),
  );
  notes.push(`${calendar.year}: ${calendar.workingDays} working days`);

  // Every status is counted: no `?? 0`.
  const { counts } = dataOf(await api.GET('/v1/claim-counts', {}));
  notes.push(`${counts.submitted + counts.in_review} open, ${counts.paid} paid`);
  return notes;
}

/** One line per claim of any type, listed or read: `type` says what its numbers are. */
export function claimLine(claim: Schemas['Claim'] | Schemas['ClaimSummary']): string {
  switch (claim.type) {
    case 'late':
      return `${claim.id}: late until ${claim.compensation.lateUntil}, ${claim.compensation.amount.amount}`;
    case 'lost':
      return `${claim.id}: lost, ${claim.compensation.components.map((c) => c.kind).join('+')}`;
    case 'damaged':
      return `${claim.id}: damaged, ${claim.shipment.documentedDamage?.amount ?? '?'} documented`;
  }
}

/** A shop replaces an order: a 409 is the order's own problem, never a claim's. */
export async function replaceOrder(baseUrl: string, apiKey: string): Promise<string> {
  const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });
  const { data, error, response } = await api.PUT('/v1/orders/{orderId}', {
    params: { path: { orderId: 'A-1001' } },
    body: {
      placedAt: '2025-04-24T10:00:00+03:00',
      customer: { name: 'Anna Petrova', email: 'anna@example.com', phone: '+7 900 000-00-00' },
      b2b: false,
      shipments: [
        {
          shipmentId: 'A-1001-1',
          carrier: 'cdek',
          waybill: '1234567890',
          shippedDate: '2025-04-25',
          promisedDate: '2025-04-30',
          deliveryCost: { amount: '500.00', currency: 'RUB' },
          deliveryPaid: true,
          packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' }],
        },
      ],
    },
  });
  if (data) return `order ${data.orderId} at version ${data.version}`;
  if (response.status === 409) return `retry: ${orderConflict(error)}`;
  return `refused with ${response.status}`;
}

type PutOrder = paths['/v1/orders/{orderId}']['put'];
type OrderConflict = PutOrder['responses'][409]['content']['application/problem+json'];

/** What a 409 of putOrder says: only `order-changed` can come. */
const orderConflict = (problem: unknown): string => {
  const known: OrderConflict['type'] = '/problems/order-changed';
  return `${known} (${String(problem)})`;
};
