/**
 * Issue 19, item 6: search keys and queries normalised alike (NFKC, case, ё/е, spaces
 * ignored in names), and search entries written under an older rule rewritten by the
 * claim-change consumer, so `npm run rebuild-aggregates` brings a table up to date.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { rebuildAggregates } from '../../scripts/rebuild-aggregates';
import type { Claim } from '../../src/domain/claim';
import { reconcileClaim } from '../../src/services/claim-changes';
import type { Item } from '../../src/storage/dynamodb/codec';
import { SEARCH_ATTRIBUTES, searchItems } from '../../src/storage/dynamodb/search-keys';
import type { ClaimFilter } from '../../src/storage/repository';
import { claimItem, figuresStorage, file } from './figures-helpers';
import { newClaim } from './helpers';

type Tables = Awaited<ReturnType<typeof figuresStorage>>;

const petr = (shopId: string, name = 'Пётр Иванов') => ({
  shopId,
  claimant: { name, email: 'p@example.com', phone: '+7 (912) 345-67-89' },
});

const found = async (tables: Tables, text: string, shopId?: string) => {
  const filter: ClaimFilter = { search: { field: 'name', text }, ...(shopId ? { shopId } : {}) };
  return (await tables.claims.list(filter, { limit: 50, caller: 'k1' })).items.map((c) => c.id);
};

/**
 * Makes a claim's name entry what the code before issue 19 wrote (`петр иванов`: lower
 * case, ё as е, spaces collapsed, not removed), as a table deployed before it holds.
 */
async function writeOldNameEntry(tables: Tables, claim: Claim): Promise<Item> {
  const item = await claimItem(tables.client, tables.tableName, claim.id, 'SEARCH#CLAIMANT');
  if (item === undefined) throw new Error('no search entry');
  const old = claim.claimant.name.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
  const sort = `${old}#${claim.createdAt}#${claim.id}`;
  const stale = { ...item, gsi1sk: { S: sort }, gsi2sk: { S: sort } };
  await tables.client.send(new PutItemCommand({ TableName: tables.tableName, Item: stale }));
  return stale;
}

describe('a name search, normalised alike on both sides', { timeout: 30_000 }, () => {
  it('finds `Пётр Иванов` by `петрив`, `ПЁТР ИВ`, `петр  ив` and NFD input', async () => {
    const tables = await figuresStorage();
    const claim = await file(tables, petr('norm-a'));
    const nfd = await file(tables, petr('norm-a', 'Jose\u0301 Garci\u0301a'));
    await reconcileClaim(tables.deps, claim.id);
    await reconcileClaim(tables.deps, nfd.id);
    for (const text of ['петрив', 'ПЁТР ИВ', 'петр  ив', 'Пе\u0308тр', 'ПЕ\u0308ТР\u00a0ИВ']) {
      expect(await found(tables, text), text).toEqual([claim.id]);
      expect(await found(tables, text, 'norm-a'), text).toEqual([claim.id]);
    }
    // A claim filed in NFD is found by composed input, and the other way round.
    expect(await found(tables, 'josé garcía')).toEqual([nfd.id]);
    expect(await found(tables, 'JOSE\u0301G')).toEqual([nfd.id]);
    expect(await found(tables, 'иванов')).toEqual([]);
    const item = await claimItem(tables.client, tables.tableName, claim.id, 'SEARCH#CLAIMANT');
    expect(item?.gsi1sk?.S).toBe(`петриванов#${claim.createdAt}#${claim.id}`);
  });
});

describe('search entries under an older normalisation', { timeout: 30_000 }, () => {
  it('are rewritten by reconciling the claim, once', async () => {
    const tables = await figuresStorage();
    const claim = await file(tables, petr('norm-b'));
    expect(await reconcileClaim(tables.deps, claim.id)).toBe('written');
    await writeOldNameEntry(tables, claim);
    // The index holds `петр иванов#…`: the query's `петрив` range misses it.
    expect(await found(tables, 'петрив')).toEqual([]);
    expect(await reconcileClaim(tables.deps, claim.id)).toBe('written');
    expect(await found(tables, 'петрив')).toEqual([claim.id]);
    expect(await found(tables, 'петрив', 'norm-b')).toEqual([claim.id]);
    expect(await reconcileClaim(tables.deps, claim.id)).toBe('unchanged');
  });

  it('are brought up to date by npm run rebuild-aggregates; a second run changes nothing', async () => {
    const tables = await figuresStorage();
    const claims = [
      await file(tables, petr('norm-c')),
      await file(tables, petr('norm-c', 'Пётр Ильин')),
      await file(tables, petr('norm-d', 'Анна Петрова')),
    ];
    for (const claim of claims) await reconcileClaim(tables.deps, claim.id);
    for (const claim of claims.slice(0, 2)) await writeOldNameEntry(tables, claim);
    expect(await found(tables, 'петри')).toEqual([]);
    const options = { tableName: tables.tableName, viewShards: tables.viewShards };
    const clock = () => new Date('2026-12-02T08:00:00.000Z');
    const report = await rebuildAggregates(tables.client, options, clock);
    // Only the two with an old entry had anything to write.
    expect(report).toMatchObject({ claims: 3, reconciled: 2, failed: [] });
    expect((await found(tables, 'петри')).sort()).toEqual([claims[0]!.id, claims[1]!.id].sort());
    expect(await found(tables, 'аннап')).toEqual([claims[2]!.id]);
    expect((await rebuildAggregates(tables.client, options, clock)).reconciled).toBe(0);
  });

  it('are compared on every attribute a search item carries', () => {
    // An attribute left out of SEARCH_ATTRIBUTES would never be compared, nor rewritten.
    for (const item of Object.values(searchItems(newClaim().claim, 2))) {
      for (const [name, value] of Object.entries(item)) {
        expect(['pk', 'sk', ...SEARCH_ATTRIBUTES]).toContain(name);
        expect(value.S, name).toEqual(expect.any(String));
      }
    }
  });

  it('are written only as read: an entry changed meanwhile is stale, a gone claim has none', async () => {
    const tables = await figuresStorage();
    const claim = await file(tables, petr('norm-e'));
    await reconcileClaim(tables.deps, claim.id);
    const now = `петриванов#${claim.createdAt}#${claim.id}`;
    const fresh = await tables.tallies.read(claim.id);
    expect(fresh.search.claimant?.gsi1sk).toBe(now);
    expect(await tables.tallies.writeSearch(fresh, claim)).toBe('unchanged');
    // A consumer read the old entry; another rewrote it meanwhile: the first writes nothing.
    await writeOldNameEntry(tables, claim);
    const late = await tables.tallies.read(claim.id);
    expect(late.search.claimant?.gsi1sk).toBe(`петр иванов#${claim.createdAt}#${claim.id}`);
    expect(await reconcileClaim(tables.deps, claim.id)).toBe('written');
    expect(await tables.tallies.writeSearch(late, claim)).toBe('stale');
    // What a claim that is no longer there should have: no search entries (issue 25 will
    // need entries brought to what an erased claim gives, through the same call).
    expect(await tables.tallies.writeSearch(late, undefined)).toBe('stale');
    const current = await tables.tallies.read(claim.id);
    expect(await tables.tallies.writeSearch(current, undefined)).toBe('written');
    expect((await tables.tallies.read(claim.id)).search).toEqual({});
    expect(await found(tables, 'петр')).toEqual([]);
  });
});
