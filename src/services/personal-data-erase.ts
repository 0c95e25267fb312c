/**
 * One erasure's run: the act started (or joined, when the person already has one running),
 * each record overwritten (src/storage/dynamodb/pd-claim-erase.ts, pd-order-erase.ts), the
 * event-log extract written line by line, the act completed with every record erased under
 * it (a joiner's too: records are items of their own, added to, never replaced).
 */
import {
  DEFAULT_RETAIN_DAYS,
  ERASURE_CATEGORIES,
  ERASURE_METHOD,
  type ErasedRecord,
  type ErasureAct,
  type ErasureCategory,
  type ErasureReason,
  type ErasureStep,
} from '../domain/personal-data';
import type { Storage } from '../storage/repository';
import type { Principal } from './actor';
import { refsOfPerson, type ResolvedSubject, type SubjectRefOf } from './personal-data-subjects';

/** Who erases: the shop's (or a clerk's) key, or the retention cron. */
export type ErasureActor = Principal | 'retention';

const actorText = (actor: ErasureActor): string =>
  actor === 'retention'
    ? 'system:retention'
    : actor.role === 'clerk'
      ? `clerk:${actor.keyId}`
      : `key:${actor.keyId}`;

/**
 * @example
 * const { eraseIn } = createEraser({ storage, clock, newId, refOf });
 * const act = await eraseIn('shop-a', principal, subject, { kind: 'request' });
 */
export function createEraser(deps: {
  storage: Storage;
  clock: () => Date;
  newId: () => string;
  refOf: SubjectRefOf;
}) {
  const { storage, clock, newId, refOf } = deps;

  /** Erases the resolved records under the act (started or joined). */
  async function run(
    act: ErasureAct,
    subject: ResolvedSubject,
    actor: string,
  ): Promise<ErasureAct> {
    const mark = { erasedAt: act.startedAt, erasureId: act.id };
    const steps: ErasureStep[] = [];
    const records: ErasedRecord[] = [];
    const categories = new Set<ErasureCategory>(act.categories);
    const step = (action: ErasureStep['action'], record?: ErasedRecord) =>
      steps.push({ at: clock().toISOString(), action, actor, ...(record ? { record } : {}) });
    /** The records of a kind to erase: each with its own customer's references. */
    const targets = async (kind: 'claim' | 'order') => {
      const live =
        kind === 'claim'
          ? subject.claims.map((c) => ({ id: c.id, person: c.claimant }))
          : subject.orders.map((o) => ({ id: o.orderId, person: o.customer }));
      const found = await Promise.all(
        live.map(async ({ id, person }) => ({
          id,
          refs: await refsOfPerson(refOf, act.shopId, person),
        })),
      );
      const left = subject.leftovers.filter((r) => r.kind === kind);
      return [...found, ...left.map((r) => ({ id: r.id, refs: [] as string[] }))];
    };
    const claims = await targets('claim');
    for (const claim of claims) {
      const refs = [...new Set([...subject.refs, ...claim.refs])];
      const done = await storage.personalData.eraseClaim(claim.id, subject.who, mark, refs);
      if (!done.erased) continue;
      for (const c of ['name', 'phone', 'email', 'customer_text'] as const) categories.add(c);
      const record = { kind: 'claim', id: claim.id } as const;
      records.push(record, ...done.related);
      step('overwritten', record);
      for (const related of done.related.filter((r) => r.kind === 'webhook_event')) {
        step('webhook_event_overwritten', related);
      }
      step('index_entries_deleted', record);
    }
    const orders = await targets('order');
    for (const order of orders) {
      const refs = [...new Set([...subject.refs, ...order.refs])];
      const done = await storage.personalData.eraseOrder(
        act.shopId,
        order.id,
        subject.who,
        mark,
        refs,
      );
      if (!done.erased) continue;
      for (const c of ['name', 'phone', 'email'] as const) categories.add(c);
      const record = { kind: 'order', id: order.id } as const;
      records.push(record, ...done.related);
      step('overwritten', record);
      step('index_entries_deleted', record);
    }
    step('erasure_completed');
    await storage.personalData.log(act.shopId, act.id, steps);
    // A joiner of the act (a re-run, the same person at once) keeps what the others recorded.
    const stored = (await storage.personalData.get(act.shopId, act.id))?.act;
    const earlier = stored?.records ?? [];
    for (const category of stored?.categories ?? []) categories.add(category);
    const all = [
      ...new Map([...earlier, ...records].map((r) => [`${r.kind}:${r.id}`, r])).values(),
    ];
    return storage.personalData.complete({
      ...act,
      records: all,
      categories: ERASURE_CATEGORIES.filter((c) => categories.has(c)),
      status: 'completed',
      completedAt: clock().toISOString(),
    });
  }

  /** Starts (or joins) the act for the person, then erases. */
  async function eraseIn(
    shopId: string,
    actor: ErasureActor,
    subject: ResolvedSubject,
    reason: ErasureReason,
  ): Promise<ErasureAct> {
    const startedAt = clock().toISOString();
    // A record erased before, whose act is gone: the act names the record's reference.
    const refs =
      subject.refs.length > 0
        ? subject.refs
        : [await refOf(shopId, { record: subject.recordId ?? '' })];
    const fresh: ErasureAct = {
      id: `pde_${newId()}`,
      shopId,
      subjectRef: refs[0] ?? '',
      subjectRefs: refs,
      categories: [],
      records: [],
      startedAt,
      status: 'running',
      method: ERASURE_METHOD,
      instruction:
        reason.kind === 'retention'
          ? { kind: 'retention', retainDays: reason.retainDays }
          : actor === 'retention'
            ? { kind: 'retention', retainDays: DEFAULT_RETAIN_DAYS }
            : { kind: 'request', keyId: actor.keyId, role: actor.role },
    };
    const act = await storage.personalData.begin(fresh);
    if (act.id === fresh.id) {
      await storage.personalData.log(shopId, act.id, [
        { at: startedAt, action: 'erasure_started', actor: actorText(actor) },
      ]);
    }
    return run(act, subject, actorText(actor));
  }

  return { eraseIn };
}
