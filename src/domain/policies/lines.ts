/**
 * The lines that cite a policy: which rules, which version, from which document, and the
 * notes on defaults we chose where the document is silent. A note about insured (or
 * uninsured) parcels is cited only by results about such a parcel.
 */
import { line, type Line } from '../explain';
import type { CarrierPolicy, InsuranceCase, PolicyNote } from './types';

type Topic = PolicyNote['topic'];
/** A topic, narrowed to one insurance case where the result is about a lost or damaged parcel. */
type Cited = Topic | `${Topic}:${InsuranceCase}`;

/**
 * Lines already rendered, per frozen policy and cited topic: a frozen policy cannot change,
 * and every result cites its policy, so its long source texts are rendered once, not per call.
 */
const rendered = new WeakMap<CarrierPolicy, Map<Cited, readonly Line[]>>();

/** A note without `when` applies to every parcel of its topic; one with it, to that case only. */
const applies = (note: PolicyNote, topic: Topic, insurance: InsuranceCase | undefined) =>
  note.topic === topic && (note.when === undefined || note.when === insurance);

function render(policy: CarrierPolicy, topic: Topic, insurance?: InsuranceCase): Line[] {
  const applied = line('policy.applied', {
    policyId: policy.id,
    version: policy.version,
    name: policy.name,
    source: policy.source,
    nameRu: policy.ru.name,
    sourceRu: policy.ru.source,
  });
  const notes = policy.notes
    .filter((note) => applies(note, topic, insurance))
    .map((note) => line('policy.note', { noteEn: note.en, noteRu: note.ru }));
  return [applied, ...notes];
}

function renderedOnce(policy: CarrierPolicy, topic: Topic, insurance?: InsuranceCase) {
  let byTopic = rendered.get(policy);
  if (byTopic === undefined) rendered.set(policy, (byTopic = new Map()));
  const cited: Cited = insurance === undefined ? topic : `${topic}:${insurance}`;
  let lines = byTopic.get(cited);
  if (lines === undefined) byTopic.set(cited, (lines = render(policy, topic, insurance)));
  return lines;
}

/**
 * The policy line plus the policy's notes on `topic` that apply: for a lost or damaged
 * parcel, pass whether it was insured, and notes about the other case are left out. Each
 * call gets its own line objects, so a caller that changes its result cannot change another's.
 * @example policyLines(resolvePolicy('cdek'), 'late')[0]?.key // 'policy.applied'
 * @example policyLines(resolvePolicy('cdek'), 'lost', 'insured').length // 1: the uninsured-loss note is not cited
 */
export function policyLines(
  policy: CarrierPolicy,
  topic: Topic,
  insurance?: InsuranceCase,
): Line[] {
  // Only a frozen policy (every listed one) may be remembered; a caller's own may change.
  if (!Object.isFrozen(policy)) return render(policy, topic, insurance);
  return renderedOnce(policy, topic, insurance).map((l) => ({ ...l, params: { ...l.params } }));
}
