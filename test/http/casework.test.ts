import { beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorsOf, TODAY } from '../support/answer';
import { fileOk, lostFiling, seedKey, seedShop } from './claims-helpers';
import { call, type Answer } from './helpers';

let shop: Awaited<ReturnType<typeof seedShop>>;
let clerk: Awaited<ReturnType<typeof seedKey>>;
beforeAll(async () => {
  shop = await seedShop();
  clerk = await seedKey('clerk', undefined, 'Ольга Смирнова');
});
const named = (a: Answer) => fieldErrorsOf(a).map((e) => e.pointer ?? e.parameter);

const tag = () => crypto.randomUUID().slice(0, 6);

describe('assign to me', () => {
  it('assigns the calling clerk (by its display name), records it, and unassigns', async () => {
    const claim = await fileOk(shop.auth);
    const a = await call(
      'POST',
      `/v1/claims/${claim.id}/assignee`,
      {},
      {
        ...clerk.auth,
        'if-match': '"1"',
      },
    );
    expect(a.status, a.text).toBe(200);
    expect(a.body.assignee).toEqual({ id: clerk.keyId, name: 'Ольга Смирнова' });
    expect(a.headers.get('etag')).toBe('"2"');
    // Stale: the page that read version 1 may not undo what it has not seen.
    const stale = await call('DELETE', `/v1/claims/${claim.id}/assignee`, undefined, {
      ...clerk.auth,
      'if-match': '"1"',
    });
    expect(stale.status, stale.text).toBe(412);
    const d = await call('DELETE', `/v1/claims/${claim.id}/assignee`, undefined, {
      ...clerk.auth,
      'if-match': '"2"',
    });
    expect(d.status, d.text).toBe(200);
    expect(d.body).not.toHaveProperty('assignee');
    const history = await call('GET', `/v1/claims/${claim.id}/history`, undefined, shop.auth);
    const types = (history.body.items as { type: string; actor: { id: string } }[]).map((e) => [
      e.type,
      e.actor.id,
    ]);
    expect(types).toEqual([
      ['filed', shop.shopId],
      ['assigned', expect.stringMatching(/^clerk_[0-9a-f]{16}$/)],
      ['unassigned', types[1]?.[1]],
    ]);
    // The clerk reads the key id: a shop a reference (clerk-view.test.ts).
    const desk = await call('GET', `/v1/claims/${claim.id}/history`, undefined, clerk.auth);
    expect((desk.body.items as { actor: { id: string } }[])[1]?.actor.id).toBe(
      `clerk:${clerk.keyId}`,
    );
  });

  it('lists "assigned to me" only', async () => {
    const other = await seedKey('clerk');
    const mine = await fileOk(shop.auth);
    const theirs = await fileOk(shop.auth);
    await call('POST', `/v1/claims/${mine.id}/assignee`, {}, clerk.auth);
    await call('POST', `/v1/claims/${theirs.id}/assignee`, {}, other.auth);
    const q = `/v1/claims?shopId=${shop.shopId}&assignee=me&limit=100`;
    const a = await call('GET', q, undefined, clerk.auth);
    expect(a.status, a.text).toBe(200);
    const ids = (a.body.items as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
  });

  it('is for clerk keys only', async () => {
    const claim = await fileOk(shop.auth);
    const a = await call('POST', `/v1/claims/${claim.id}/assignee`, {}, shop.auth);
    expect(a.status, a.text).toBe(403);
    const d = await call('DELETE', `/v1/claims/${claim.id}/assignee`, undefined, shop.auth);
    expect(d.status, d.text).toBe(403);
  });
});

describe('internal notes', () => {
  it('adds and lists notes for clerks; a shop sees none of them', async () => {
    const claim = await fileOk(shop.auth);
    const first = await call(
      'POST',
      `/v1/claims/${claim.id}/notes`,
      { text: ' Called the carrier ' },
      clerk.auth,
    );
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({
      claimId: claim.id,
      text: 'Called the carrier',
      author: { id: clerk.keyId },
    });
    await call('POST', `/v1/claims/${claim.id}/notes`, { text: 'Depot confirms' }, clerk.auth);
    const list = await call('GET', `/v1/claims/${claim.id}/notes`, undefined, clerk.auth);
    expect((list.body.items as { text: string }[]).map((n) => n.text)).toEqual([
      'Called the carrier',
      'Depot confirms',
    ]);
    // The claim's version is untouched, and nothing of it is in the shop's view.
    const shopView = await call('GET', `/v1/claims/${claim.id}`, undefined, shop.auth);
    expect(shopView.body.version).toBe(1);
    const history = await call('GET', `/v1/claims/${claim.id}/history`, undefined, shop.auth);
    expect(history.text).not.toContain('Called the carrier');
    expect((await call('GET', `/v1/claims/${claim.id}/notes`, undefined, shop.auth)).status).toBe(
      403,
    );
    expect(
      (await call('POST', `/v1/claims/${claim.id}/notes`, { text: 'x' }, shop.auth)).status,
    ).toBe(403);
  });

  it.each([
    ['empty', { text: '   ' }],
    ['too long', { text: 'x'.repeat(2001) }],
    ['missing', {}],
  ])('refuses a note that is %s with a 422 naming text', async (_what, body) => {
    const claim = await fileOk(shop.auth);
    const a = await call('POST', `/v1/claims/${claim.id}/notes`, body, clerk.auth);
    expect(a.status, a.text).toBe(422);
    expect(named(a)).toContain('/text');
  });

  it('is a 404 for a claim that does not exist', async () => {
    const a = await call(
      'POST',
      `/v1/claims/clm_${'0'.repeat(32)}/notes`,
      { text: 'x' },
      clerk.auth,
    );
    expect(a.status, a.text).toBe(404);
  });
});

describe('search and counts', () => {
  it('finds claims by name, phone ending, order id, waybill start and id', async () => {
    const t = tag();
    const claim = await fileOk(
      shop.auth,
      lostFiling({
        waybill: `ZX${t}99`,
        orderId: `ORD-${t}`,
        claimant: {
          name: `Пётр Сёмин${t}`,
          email: 'p@example.com',
          phone: `+7 (912) 55${t.length}-${'12'}-34`,
        },
      }),
    );
    const other = await fileOk(shop.auth);
    const found = async (q: string, extra = '') => {
      const a = await call(
        'GET',
        `/v1/claims?q=${encodeURIComponent(q)}${extra}`,
        undefined,
        clerk.auth,
      );
      expect(a.status, a.text).toBe(200);
      return (a.body.items as { id: string }[]).map((c) => c.id);
    };
    expect(await found(`петр  семин${t.toUpperCase()}`)).toEqual([claim.id]);
    expect(await found(`ord-${t}`)).toEqual([claim.id]);
    expect(await found(`zx${t}`)).toEqual([claim.id]);
    expect(await found(claim.id)).toEqual([claim.id]);
    expect(await found(`8 912 55${t.length}1234`, `&shopId=${shop.shopId}`)).toEqual([claim.id]);
    expect(await found(`zx${t}`, '&in=name')).toEqual([]);
    // A shop searches its own claims only.
    const stranger = await seedShop();
    const a = await call('GET', `/v1/claims?q=zx${t}`, undefined, stranger.auth);
    expect(a.body.items).toEqual([]);
    expect(await found(other.id)).toEqual([other.id]);
    // A claim id answers its claim only if the other filters let it through.
    expect(await found(claim.id, '&status=submitted&type=lost')).toEqual([claim.id]);
    expect(await found(claim.id, '&status=paid')).toEqual([]);
    expect(await found(claim.id, '&type=late')).toEqual([]);
    expect(await found(claim.id, '&assignee=me')).toEqual([]);
  });

  it('answers no more than limit claims when it tries the text in several fields', async () => {
    const t = `${Math.floor(Math.random() * 900_000) + 100_000}`;
    // Digits: tried as a phone ending and as a waybill start; two claims match each way.
    for (const n of [1, 2]) {
      await fileOk(shop.auth, lostFiling({ waybill: `${t}0${n}` }));
      await fileOk(
        shop.auth,
        lostFiling({
          waybill: `W-${n}-${t}`,
          claimant: { name: 'Инна Ли', email: 'i@example.com', phone: `+7 90${n} ${t}` },
        }),
      );
    }
    const count = async (limit: number) => {
      const a = await call('GET', `/v1/claims?q=${t}&limit=${limit}`, undefined, clerk.auth);
      expect(a.status, a.text).toBe(200);
      return (a.body.items as unknown[]).length;
    };
    expect(await count(3)).toBe(3);
    expect(await count(2)).toBe(2);
    // Smaller than the fields tried: one from each.
    expect(await count(1)).toBeLessThanOrEqual(2);
    expect(await count(4)).toBe(4);
  });

  it('matches a name however it is typed: spaces, case, ё, NFD (issue 19, item 6)', async () => {
    const s = await seedShop();
    const filing = (name: string) =>
      lostFiling({ claimant: { name, email: 'p@example.com', phone: '+7 900 000-00-00' } });
    const petr = await fileOk(s.auth, filing('Пётр Иванов'));
    // Filed in decomposed Unicode (NFD), as some keyboards and pastes send it.
    const jose = await fileOk(s.auth, filing('Jose\u0301 Garci\u0301a'));
    const names = async (q: string) => {
      const query = `q=${encodeURIComponent(q)}&in=name`;
      const a = await call('GET', `/v1/claims?${query}`, undefined, s.auth);
      expect(a.status, `${q}: ${a.text}`).toBe(200);
      return (a.body.items as { id: string }[]).map((c) => c.id);
    };
    for (const q of ['петрив', 'ПЁТР ИВ', 'петр  ив', 'Пе\u0308тр', 'пётр\u00a0иванов']) {
      expect(await names(q), q).toEqual([petr.id]);
    }
    for (const q of ['José', 'Jose\u0301', 'JOSÉ GAR', 'joségarcía']) {
      expect(await names(q), q).toEqual([jose.id]);
    }
    // The start of the name as written: a surname alone is not its start.
    expect(await names('иванов')).toEqual([]);
  });

  it('refuses a search with nothing to search by, naming q', async () => {
    const a = await call('GET', '/v1/claims?q=%28%29&in=phone', undefined, clerk.auth);
    expect(a.status, a.text).toBe(422);
    expect(named(a)).toContain('/q');
    const short = await call('GET', '/v1/claims?q=a', undefined, clerk.auth);
    expect(short.status, short.text).toBe(422);
    expect(named(short)).toContain('q');
  });

  it('counts a shop’s claims per status as they are filed and moved', async () => {
    const s = await seedShop();
    const one = await fileOk(s.auth);
    await fileOk(s.auth);
    await call('POST', `/v1/claims/${one.id}/cancel`, undefined, s.auth);
    const a = await call('GET', '/v1/claim-counts', undefined, s.auth);
    expect(a.status, a.text).toBe(200);
    expect(a.body.counts).toMatchObject({ submitted: 1, cancelled: 1, in_review: 0 });
    expect(a.body.total).toBe(2);
    // Kept off the request path (applied inline in these tests), as of the consumer's clock.
    expect(a.body.asOf).toBe(`${TODAY}T09:00:00.000Z`);
    const byClerk = await call('GET', `/v1/claim-counts?shopId=${s.shopId}`, undefined, clerk.auth);
    expect(byClerk.body).toEqual(a.body);
    const refused = await call('GET', `/v1/claim-counts?shopId=${shop.shopId}`, undefined, s.auth);
    expect(refused.status, refused.text).toBe(422);
  });
});

describe('shopId on a shop key’s search (issue 19, item 7)', () => {
  it('is one rule for every search: another shop’s is a 422 not_allowed, its own is fine', async () => {
    const s = await seedShop();
    const stranger = await seedShop();
    const claim = await fileOk(s.auth);
    const searches = [`q=${claim.id}`, `q=${claim.id}&in=id`, 'q=anna', 'q=anna&in=name'];
    for (const search of searches) {
      const refused = await call(
        'GET',
        `/v1/claims?${search}&shopId=${stranger.shopId}`,
        undefined,
        s.auth,
      );
      expect(refused.status, `${search}: ${refused.text}`).toBe(422);
      expect(fieldErrorsOf(refused)).toEqual([
        expect.objectContaining({ parameter: 'shopId', code: 'not_allowed' }),
      ]);
      const own = await call('GET', `/v1/claims?${search}&shopId=${s.shopId}`, undefined, s.auth);
      expect(own.status, `${search}: ${own.text}`).toBe(200);
      expect((own.body.items as { id: string }[]).map((c) => c.id)).toContain(claim.id);
    }
  });
});
