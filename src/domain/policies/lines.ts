/**
 * The lines that cite a policy: which rules, which version, from which document, and the
 * notes on defaults we chose where the document is silent.
 */
import { line, type Line } from '../explain';
import type { CarrierPolicy, PolicyNote } from './types';

type Topic = PolicyNote['topic'];

/**
 * Lines already rendered, per frozen policy and topic: a frozen policy cannot change, and
 * every result cites its policy, so its long source texts are rendered once, not per call.
 */
const rendered = new WeakMap<CarrierPolicy, Map<Topic, readonly Line[]>>();

function render(policy: CarrierPolicy, topic: Topic): Line[] {
  const applied = line('policy.applied', {
    policyId: policy.id,
    version: policy.version,
    name: policy.name,
    source: policy.source,
    nameRu: policy.ru.name,
    sourceRu: policy.ru.source,
  });
  const notes = policy.notes
    .filter((note) => note.topic === topic)
    .map((note) => line('policy.note', { noteEn: note.en, noteRu: note.ru }));
  return [applied, ...notes];
}

function renderedOnce(policy: CarrierPolicy, topic: Topic): readonly Line[] {
  let byTopic = rendered.get(policy);
  if (byTopic === undefined) rendered.set(policy, (byTopic = new Map()));
  let lines = byTopic.get(topic);
  if (lines === undefined) byTopic.set(topic, (lines = render(policy, topic)));
  return lines;
}

/**
 * The policy line plus the policy's notes on `topic`. Each call gets its own line objects,
 * so a caller that changes its result cannot change another's.
 * @example policyLines(resolvePolicy('cdek'), 'late')[0]?.key // 'policy.applied'
 */
export function policyLines(policy: CarrierPolicy, topic: Topic): Line[] {
  // Only a frozen policy (every listed one) may be remembered; a caller's own may change.
  if (!Object.isFrozen(policy)) return render(policy, topic);
  return renderedOnce(policy, topic).map((l) => ({ ...l, params: { ...l.params } }));
}
