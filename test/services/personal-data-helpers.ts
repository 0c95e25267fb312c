/**
 * Issue 25's test world: a fresh table with the personal-data service, the claim-change
 * consumer wired to it, a person's records seeded, and a scan of the whole table for what is
 * left of a person (every item, every attribute, index keys included; compressed documents
 * inflated).
 */
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { inflateRawSync } from 'node:zlib';
import { applyCommand, type Claim } from '../../src/domain/claim';
import type { Principal } from '../../src/services/actor';
import { reconcileClaim } from '../../src/services/claim-changes';
import { createPersonalDataService } from '../../src/services/personal-data';
import { foldText } from '../../src/storage/claim-search';
import type { OrderRecord } from '../../src/storage/repository';
import { freshStorage, newClaim, shipment } from '../storage/helpers';

export const SECRET = 'personal-data test reference secret';

/** A shop's API key, as the service sees it. */
export const shopKeyOf = (shopId: string): Principal => ({ keyId: 'key-1', role: 'shop', shopId });

/** A customer, and how a leftover of each identifier would read. */
export interface Person {
  name: string;
  email: string;
  phone: string;
  /** The phone's national digits (10), as stored or searched. */
  digits: string;
}

export const IVAN: Person = {
  name: 'Иван Сидоров',
  email: 'ivan.sidorov@example.org',
  phone: '+7 912 345-67-89',
  digits: '9123456789',
};
export const OLGA: Person = {
  name: 'Olga Smirnova',
  email: 'olga.smirnova@example.net',
  phone: '+7 (916) 555-44-33',
  digits: '9165554433',
};

/** A table, its storage, the service on a settable clock, and the consumer. */
export async function personalDataWorld() {
  const storage = await freshStorage();
  let now = new Date('2025-03-02T00:00:00.000Z');
  let ids = 0;
  const clock = () => now;
  const personalData = createPersonalDataService({
    storage,
    clock,
    newId: () => `${String(++ids).padStart(4, '0')}${'0'.repeat(28)}`,
    referenceSecret: SECRET,
  });
  const derive = (claimId: string) =>
    reconcileClaim({ storage, clock, log: () => undefined, personalData }, claimId);
  return {
    storage,
    personalData,
    derive,
    clock,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}
export type World = Awaited<ReturnType<typeof personalDataWorld>>;

/** Moves a claim as a clerk would (through storage, with the domain's command). */
export async function move(
  world: World,
  claim: Claim,
  command: Parameters<typeof applyCommand>[1],
) {
  const current = (await world.storage.claims.get(claim.id)) ?? claim;
  const at = world.clock().toISOString();
  const next = applyCommand(current, command, {
    at,
    today: at.slice(0, 10),
    by: { role: 'clerk', id: 'clerk:k1' },
  });
  const moved = await world.storage.claims.update(current, next.claim, next.events);
  await world.derive(moved.id);
  return moved;
}

/**
 * A person's records in `shopId`: two claims (one filed with an Idempotency-Key, one with a
 * history note, an internal note and an acknowledgement sent naming them), an order with two
 * shipments, a webhook event carrying a claim; derived items (search keys, tally, index).
 */
export async function seedPerson(world: World, person: Person, shopId: string, tag: string) {
  const { storage } = world;
  const claimant = { name: person.name, email: person.email, phone: person.phone };
  const first = newClaim({
    shopId,
    claimant,
    orderId: `O-${tag}`,
    description: `${person.name} says the parcel never came; call ${person.phone}`,
  });
  const second = newClaim({ shopId, claimant, orderId: `O-${tag}`, type: 'lost' });
  await storage.claims.create(first.claim, first.event, {
    idempotency: { key: `idem-${tag}`, fingerprint: 'f'.repeat(64), expiresAt: 2e9, nowSeconds: 1 },
  });
  await storage.claims.create(second.claim, second.event);
  await world.derive(first.claim.id);
  await world.derive(second.claim.id);
  await move(world, first.claim, { type: 'review', note: `Spoke to ${person.name}` });
  await storage.notes.add({
    claimId: first.claim.id,
    at: '2025-03-01T12:00:00.000Z',
    author: { id: 'k1', name: 'Ольга' },
    text: `Customer wrote from ${person.email}`,
  });
  await storage.messagesSent.markSent(
    { claimId: first.claim.id },
    'ack',
    '2025-03-01T12:00:00.000Z',
  );
  const order: OrderRecord = {
    shopId,
    orderId: `O-${tag}`,
    placedAt: '2025-03-01T10:00:00+03:00',
    customer: claimant,
    b2b: false,
    shipmentIds: [`S-${tag}-1`, `S-${tag}-2`],
    version: 1,
    updatedAt: '2025-03-01T10:00:00.000Z',
  };
  await storage.shipments.replaceOrder({
    order,
    puts: order.shipmentIds.map((id) => ({ record: shipment(shopId, order.orderId, id) })),
    removes: [],
  });
  await world.personalData.onOrderChanged(order);
  const filed = (await storage.claims.get(first.claim.id))!;
  const event = {
    id: `evt_${tag}`,
    type: 'claim.filed' as const,
    timestamp: filed.createdAt,
    shopId,
    subject: { kind: 'claim' as const, id: filed.id, sequence: 1 },
    data: filed,
  };
  await storage.webhooks.recordEvent({
    event,
    body: JSON.stringify(event),
    deliveries: [],
    expiresAt: 2e9,
  });
  return { claims: [first.claim.id, second.claim.id], order, eventId: event.id };
}

/** Every string an attribute holds (binary: inflated when it is deflate-raw, else as text). */
function strings(value: AttributeValue): string[] {
  if (value.S !== undefined) return [value.S];
  if (value.N !== undefined) return [value.N];
  if (value.B !== undefined) {
    try {
      return [inflateRawSync(value.B).toString('utf8')];
    } catch {
      return [Buffer.from(value.B).toString('utf8')];
    }
  }
  if (value.SS !== undefined) return value.SS;
  if (value.L !== undefined) return value.L.flatMap(strings);
  if (value.M !== undefined) return Object.values(value.M).flatMap(strings);
  return [];
}

/**
 * Where in the table something of the person is left: `<pk> <sk> <attribute>` per finding.
 * Looks for the e-mail, the name (as typed, and as the name search keys it), and the phone's
 * digits (in order, and reversed as the phone search keys them).
 */
export async function leftoversOf(world: World, person: Person): Promise<string[]> {
  const { client, tableName } = world.storage;
  const name = foldText(person.name);
  const searchName = name.replace(/\s/g, '');
  const reversed = [...person.digits].reverse().join('');
  const found: string[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) {
      for (const [attribute, value] of Object.entries(item)) {
        for (const text of strings(value)) {
          const folded = foldText(text);
          const digits = text.replace(/\D/g, '');
          if (
            folded.includes(person.email) ||
            folded.includes(name) ||
            folded.includes(searchName) ||
            digits.includes(person.digits) ||
            digits.includes(reversed)
          ) {
            found.push(`${item.pk?.S} ${item.sk?.S} ${attribute}`);
          }
        }
      }
    }
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return found;
}
