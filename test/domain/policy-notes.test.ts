import { describe, expect, it } from 'vitest';
import { computeDamaged, computeLost } from '../../src/domain/compensation';
import { listPolicies, policyLines, resolvePolicy } from '../../src/domain/policies';

const rub = (amount: string) => ({ amount, currency: 'RUB' as const });
const insurance = { declaredValue: rub('10000.00') };
const notesOf = (lines: { key: string; params: Record<string, unknown> }[]) =>
  lines.filter((l) => l.key === 'policy.note').map((l) => l.params.noteEn);

describe('policy notes in results', () => {
  it('cites the uninsured-loss note only for an uninsured loss', () => {
    const policy = resolvePolicy('cdek');
    const uninsured = computeLost({ deliveryCost: rub('500.00') }, { policy });
    const insured = computeLost({ deliveryCost: rub('500.00'), insurance }, { policy });
    expect(notesOf(uninsured.lines)).toEqual([expect.stringContaining('Uninsured loss')]);
    expect(notesOf(insured.lines)).toEqual([]);
  });

  it('splits the postal note by declared value, each result citing its own half', () => {
    const policy = resolvePolicy('russian-post');
    const uninsured = computeLost({ deliveryCost: rub('500.00') }, { policy });
    const insured = computeLost({ deliveryCost: rub('500.00'), insurance }, { policy });
    expect(notesOf(uninsured.lines)).toEqual([expect.stringMatching(/^Without declared value/)]);
    expect(notesOf(insured.lines)).toEqual([expect.stringMatching(/^With declared value/)]);
  });

  it('cites a note about uninsured damage only for uninsured damage', () => {
    for (const policy of listPolicies()) {
      const documentedDamage = rub('900.00');
      const insured = computeDamaged(
        { deliveryCost: rub('500.00'), insurance, documentedDamage },
        { policy },
      );
      const uninsured = computeDamaged(
        { deliveryCost: rub('500.00'), documentedDamage },
        { policy },
      );
      const about = (when: string) =>
        policy.notes
          .filter((n) => n.topic === 'damaged' && (n.when ?? when) === when)
          .map((n) => n.en);
      expect(notesOf(insured.lines)).toEqual(about('insured'));
      expect(notesOf(uninsured.lines)).toEqual(about('uninsured'));
    }
  });

  it('keeps a note without `when` in both cases, and only case notes narrow', () => {
    const policy = resolvePolicy('road-freight');
    for (const insurance of ['insured', 'uninsured'] as const) {
      expect(notesOf(policyLines(policy, 'lost', insurance))).toEqual([
        expect.stringContaining('insured or not'),
      ]);
    }
    for (const p of listPolicies()) {
      for (const note of p.notes) {
        if (note.when !== undefined) expect(['lost', 'damaged']).toContain(note.topic);
      }
    }
  });
});
