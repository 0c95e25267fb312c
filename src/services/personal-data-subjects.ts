/**
 * Finding a person's records in a shop: the pseudonymous subject references (an HMAC of the
 * normalised phone or e-mail within the shop, src/lib/reference.ts), the subject index they
 * key, and, for claims filed before the index existed, the claim search by phone.
 */
import type { Claim } from '../domain/claim';
import { DomainError } from '../domain/errors';
import {
  identifiersOf,
  isErasedPerson,
  normalizeEmail,
  normalizePhone,
  type PersonalDataSelector,
  type PersonIdentifiers,
} from '../domain/personal-data';
import { keyedReference } from '../lib/reference';
import type { Customer, OrderRecord, Storage, SubjectRecord } from '../storage/repository';

/** The HMAC's purpose label: references of this kind are no other key's. */
const SUBJECT_PURPOSE = 'parcel-claims personal-data subject v1';
/** Claims a phone search reads at most (the fallback for claims the index has not seen). */
const SEARCH_LIMIT = 1000;

/** A person's references in a shop: by phone and by e-mail (whichever is known). */
export type SubjectRefOf = (
  shopId: string,
  identifier: { phone: string } | { email: string } | { record: string },
) => Promise<string>;

/**
 * @example const refOf = subjectRefs(secret); await refOf('shop-a', { phone: '+7 912 345-67-89' }) // '9c1f…'
 */
export function subjectRefs(secret: string): SubjectRefOf {
  const reference = keyedReference(secret, SUBJECT_PURPOSE);
  return (shopId, identifier) =>
    reference(
      'phone' in identifier
        ? `${shopId}\u0000phone:${normalizePhone(identifier.phone)}`
        : 'email' in identifier
          ? `${shopId}\u0000email:${normalizeEmail(identifier.email)}`
          : `${shopId}\u0000record:${identifier.record}`,
    );
}

/** Both references of a customer (phone's first). */
export const refsOfPerson = (refOf: SubjectRefOf, shopId: string, person: Customer) =>
  Promise.all([refOf(shopId, { phone: person.phone }), refOf(shopId, { email: person.email })]);

/** What a selector resolves to: the person's references, records, and identifiers. */
export interface ResolvedSubject {
  /** The references the selector names (its phone's or e-mail's; a record's customer's both). */
  refs: string[];
  claims: Claim[];
  orders: OrderRecord[];
  who: PersonIdentifiers;
  /**
   * Records found already erased (by an act interrupted before it deleted their index
   * entries, or by another act): erased again, which completes their own act's work.
   */
  leftovers: SubjectRecord[];
  /** The claim or order the selector named (absent for a phone or an e-mail). */
  recordId?: string;
}

/**
 * The person's records in the shop that still hold their data (erased ones are left out).
 *
 * @throws {DomainError} `not-found` for a claim or order id the shop does not have.
 * @example await resolveSubject(storage, refOf, 'shop-a', { phone: '+7 912 345-67-89' })
 */
export async function resolveSubject(
  storage: Storage,
  refOf: SubjectRefOf,
  shopId: string,
  selector: PersonalDataSelector,
): Promise<ResolvedSubject> {
  const direct: SubjectRecord[] = [];
  let refs: string[];
  if ('claimId' in selector) {
    const claim = await storage.claims.get(selector.claimId);
    if (claim === undefined || claim.shopId !== shopId) {
      throw new DomainError('not-found', `No claim ${selector.claimId} in this shop.`, '/claimId');
    }
    direct.push({ kind: 'claim', id: claim.id });
    refs = isErasedPerson(claim.claimant)
      ? await erasedRefs(storage, shopId, claim.personalData?.erasureId)
      : await refsOfPerson(refOf, shopId, claim.claimant);
  } else if ('orderId' in selector) {
    const order = await storage.shipments.getOrder(shopId, selector.orderId);
    if (order === undefined) {
      throw new DomainError('not-found', `No order ${selector.orderId} in this shop.`, '/orderId');
    }
    direct.push({ kind: 'order', id: order.orderId });
    refs = isErasedPerson(order.customer)
      ? await erasedRefs(storage, shopId, order.personalData?.erasureId)
      : await refsOfPerson(refOf, shopId, order.customer);
  } else {
    refs = [await refOf(shopId, selector)];
  }
  const indexed = (
    await Promise.all(refs.map((ref) => storage.personalData.recordsOf(shopId, ref)))
  ).flat();
  const searched = 'phone' in selector ? await claimsByPhone(storage, shopId, selector.phone) : [];
  const records = unique([...direct, ...indexed, ...searched]);
  const [claims, orders] = await Promise.all([
    Promise.all(records.filter((r) => r.kind === 'claim').map((r) => storage.claims.get(r.id))),
    Promise.all(
      records
        .filter((r) => r.kind === 'order')
        .map((r) => storage.shipments.getOrder(shopId, r.id)),
    ),
  ]);
  const liveClaims = claims.filter(
    (c): c is Claim => c !== undefined && c.shopId === shopId && !isErasedPerson(c.claimant),
  );
  const liveOrders = orders.filter(
    (o): o is OrderRecord => o !== undefined && !isErasedPerson(o.customer),
  );
  const people = [...liveClaims.map((c) => c.claimant), ...liveOrders.map((o) => o.customer)];
  const recordId = direct[0]?.id;
  const erasedClaims = claims.filter(
    (c): c is Claim => c !== undefined && c.shopId === shopId && isErasedPerson(c.claimant),
  );
  const erasedOrders = orders.filter(
    (o): o is OrderRecord => o !== undefined && isErasedPerson(o.customer),
  );
  return {
    refs,
    leftovers: [
      ...erasedClaims.map((c): SubjectRecord => ({ kind: 'claim', id: c.id })),
      ...erasedOrders.map((o): SubjectRecord => ({ kind: 'order', id: o.orderId })),
    ],
    claims: liveClaims,
    orders: liveOrders,
    who: identifiersOf(people),
    ...(recordId === undefined ? {} : { recordId }),
  };
}

/** Claims whose claimant has this phone (the search index, checked exactly). */
async function claimsByPhone(
  storage: Storage,
  shopId: string,
  phone: string,
): Promise<SubjectRecord[]> {
  const wanted = normalizePhone(phone);
  if (wanted.length === 0) return [];
  const found: SubjectRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await storage.claims.list(
      { shopId, search: { field: 'phone', text: phone } },
      { limit: SEARCH_LIMIT, caller: 'personal-data', ...(cursor ? { cursor } : {}) },
    );
    for (const claim of page.items) {
      if (normalizePhone(claim.claimant.phone) === wanted)
        found.push({ kind: 'claim', id: claim.id });
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return found;
}

/** An erased record's person: the references its act kept (what is left of them to erase). */
async function erasedRefs(storage: Storage, shopId: string, erasureId: string | undefined) {
  if (erasureId === undefined) return [];
  return (await storage.personalData.get(shopId, erasureId))?.act.subjectRefs ?? [];
}

const unique = (records: readonly SubjectRecord[]): SubjectRecord[] => [
  ...new Map(records.map((r) => [`${r.kind}:${r.id}`, r])).values(),
];
