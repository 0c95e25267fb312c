import { describe, expect, it } from 'vitest';
import { clockOf, shardsOf } from '../../scripts/migrate';
import { formatReport, newReport, skip } from '../../scripts/migrate/report';

describe('npm run migrate: flags and report', () => {
  it('pins the clock with --now, else takes the real one', () => {
    expect(clockOf('2026-11-20T10:00:00.000Z').toISOString()).toBe('2026-11-20T10:00:00.000Z');
    const now = new Date('2030-01-01T00:00:00.000Z');
    expect(clockOf(undefined, now)).toBe(now);
    expect(() => clockOf('yesterday')).toThrow(/--now must be an ISO instant/);
  });

  it("writes the views with the application's shard count", () => {
    expect(shardsOf(undefined, {})).toBe(4);
    expect(shardsOf(undefined, { VIEW_SHARDS: '8' })).toBe(8);
    expect(shardsOf('2', { VIEW_SHARDS: '8' })).toBe(2);
    expect(() => shardsOf('0', {})).toThrow(/--view-shards/);
    expect(() => shardsOf('33', {})).toThrow(/--view-shards/);
  });

  it('says what it left out and why, with a few keys', () => {
    const report = newReport('old', 'new', '2026-11-20T10:00:00.000Z');
    for (let i = 0; i < 7; i++) skip(report, 'derived', `AGG#${i}`);
    const text = formatReport(report);
    expect(text).toContain('7 × derived figures (COUNTS#/AGG# items): rebuilt from the claims');
    expect(text).toContain('(e.g. AGG#0, AGG#1, AGG#2, AGG#3, AGG#4)');
  });
});
