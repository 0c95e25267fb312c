import { describe, expect, it } from 'vitest';
import { IF_MATCH_SYNTAX, tooLargeVersion, versionPrecondition } from '../../src/http/if-match';

describe('If-Match (RFC 9110)', () => {
  it('accepts *, one tag, weak tags and lists, and nothing else', () => {
    for (const ok of ['*', '"3"', 'W/"3"', '"2", "3"', '"2",W/"3"', '""', '"abc"']) {
      expect(IF_MATCH_SYNTAX.test(ok), ok).toBe(true);
    }
    for (const bad of ['3', 'W/3', '"3', '*, "3"', '"a"b"', 'w/"3"', '"3",']) {
      expect(IF_MATCH_SYNTAX.test(bad), bad).toBe(false);
    }
  });

  it('sets no precondition for * and none for an absent header', () => {
    expect(versionPrecondition('*')).toBeUndefined();
    expect(versionPrecondition(undefined)).toBeUndefined();
  });

  it('keeps only strong tags of ours: weak and foreign ones match nothing', () => {
    expect(versionPrecondition('"2", W/"3", "x"')).toEqual({
      versions: [2],
      sent: '"2", W/"3", "x"',
    });
    expect(versionPrecondition('W/"3"')).toEqual({ versions: [], sent: 'W/"3"' });
  });

  it('names a version beyond 2^53 − 1 exactly as sent', () => {
    expect(tooLargeVersion('"1", "99999999999999999999"')).toBe('99999999999999999999');
    expect(tooLargeVersion(`"${Number.MAX_SAFE_INTEGER}"`)).toBeUndefined();
    expect(tooLargeVersion('W/"99999999999999999999"')).toBeUndefined();
  });
});
