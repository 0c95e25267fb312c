/**
 * The lines that cite a policy: which rules, which version, from which document, and the
 * notes on defaults we chose where the document is silent.
 */
import { line, type Line } from '../explain';
import type { CarrierPolicy, PolicyNote } from './types';

/**
 * The policy line plus the policy's notes on `topic`.
 * @example policyLines(resolvePolicy('cdek'), 'late')[0]?.key // 'policy.applied'
 */
export function policyLines(policy: CarrierPolicy, topic: PolicyNote['topic']): Line[] {
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
