import { describe, expect, it } from 'vitest';
import { benchAuditDomain } from '../../scripts/bench-audit-domain';

describe('benchAuditDomain', () => {
  it('audits every generated row, in both encodings, and reports CPU time', async () => {
    const r = await benchAuditDomain(500);
    expect(r).toMatchObject({ rows: 500, audited: 500, refused: 0, targetMs: 1000 });
    // One finding a row: lost, late (still on its way), overcharge, or late (delivered).
    expect(r.findings).toBe(500);
    expect(r.cpuMs).toBeGreaterThan(0);
    expect(r.windows1251CpuMs).toBeGreaterThan(0);
  });
});
