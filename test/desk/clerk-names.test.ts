import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import { clerkKeyId, clerkNames, distinctClerkKeys } from '../../src/services/clerk-names';
import { History } from '../../src/desk/views/claim/history';
import { Layout, SignedInClerk } from '../../src/desk/views/layout';
import type { ClaimActor, ClaimEvent } from '../../src/domain/claim';
import type { ApiKeyRecord } from '../../src/storage/repository';

const clerk = (keyId: string): ClaimActor => ({ role: 'clerk', id: `clerk:${keyId}` });
const shop: ClaimActor = { role: 'shop', id: 'shop-1' };

function keyStore(records: ApiKeyRecord[]) {
  const reads: string[] = [];
  return {
    reads,
    async get(keyId: string) {
      reads.push(keyId);
      return records.find((r) => r.keyId === keyId);
    },
  };
}
const key = (keyId: string, displayName?: string): ApiKeyRecord => ({
  keyId,
  secretHash: `h-${keyId}`,
  role: 'clerk',
  createdAt: '2025-06-01T00:00:00.000Z',
  ...(displayName === undefined ? {} : { displayName }),
});

describe('clerk names', () => {
  it('finds the key id of clerk actors only', () => {
    expect(clerkKeyId(clerk('5df5de489cf18998'))).toBe('5df5de489cf18998');
    expect(clerkKeyId(shop)).toBeUndefined();
    expect(clerkKeyId({ role: 'clerk', id: 'not-a-clerk-id' })).toBeUndefined();
    expect(distinctClerkKeys([clerk('a'), shop, clerk('b'), clerk('a')])).toEqual(['a', 'b']);
  });

  it('reads each distinct clerk once, skips the known one, leaves nameless keys out', async () => {
    const store = keyStore([key('a', 'Anna Petrova'), key('b'), key('me', 'Stale name')]);
    const actors = [clerk('a'), shop, clerk('b'), clerk('a'), clerk('me'), clerk('gone')];
    const names = await clerkNames(store, actors, new Map([['me', 'Demo Clerk']]));
    expect(store.reads.sort()).toEqual(['a', 'b', 'gone']);
    expect([...names]).toEqual([
      ['clerk:me', 'Demo Clerk'],
      ['clerk:a', 'Anna Petrova'],
    ]);
  });

  it('shows the name in history, and the stored id when there is none', async () => {
    const event = (seq: number, actor: ClaimActor): ClaimEvent => ({
      claimId: 'clm_1',
      seq,
      at: '2025-06-02T10:00:00.000Z',
      actor,
      type: 'status_changed',
      from: 'submitted',
      to: 'in_review',
    });
    const html = String(
      await History({
        lang: 'en',
        events: [event(1, clerk('a')), event(2, clerk('b'))],
        claim: {},
        names: new Map([['clerk:a', 'Anna Petrova']]),
      }),
    );
    expect(html).toContain('<span class="actor-name">Anna Petrova</span>');
    expect(html).toContain('<code>clerk:b</code>');
  });

  it('names the signed-in clerk in the header, in both languages', async () => {
    for (const [lang, label] of [
      ['en', 'Signed in:'],
      ['ru', 'Вы вошли как'],
    ] as const) {
      const page = jsx(Layout, { lang, title: 'Queue', path: '/desk/claims', csrf: 't' });
      const html = String(await jsx(SignedInClerk.Provider, { value: 'Demo Clerk' }, page));
      expect(html).toContain(`${label} <strong>Demo Clerk</strong>`);
    }
    const signedOut = jsx(Layout, { lang: 'en', title: 'Sign in', path: '/desk/sign-in' });
    expect(String(await jsx(SignedInClerk.Provider, { value: 'x' }, signedOut))).not.toContain(
      'Signed in:',
    );
  });
});
