/**
 * The phone filing of a second open claim for a parcel: the desk's one mapper turns
 * `claim-exists` into the open claim's id, and the form says so with a link to it,
 * in Russian and English.
 */
import { describe, expect, it } from 'vitest';
import { deskRefusal } from '../../src/desk/routes/desk-errors';
import { NewClaimPage } from '../../src/desk/views/new-claim/new-claim-page';
import { ClaimExistsError, EvidenceLimitError } from '../../src/domain/claim';
import { StorageOutcomeUnknownError } from '../../src/storage/errors';

const id = 'clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9';
const page = async (lang: 'ru' | 'en') =>
  String(
    await NewClaimPage({
      lang,
      path: '/desk/new-claim',
      csrf: 'token',
      values: {},
      errors: {},
      existingClaimId: id,
    }).toString(),
  );

describe('the desk on a second open claim for a parcel', () => {
  it('maps claim-exists to the open claim, evidence-limit to its field, an unknown outcome to a retry page', () => {
    expect(deskRefusal(new ClaimExistsError(id, 'lost'))).toEqual({ exists: id });
    expect(deskRefusal(new EvidenceLimitError(195, 20))).toMatchObject({
      field: { code: 'evidence-limit', pointer: '/evidence' },
    });
    expect(deskRefusal(new StorageOutcomeUnknownError('timeout', 2))).toEqual({
      page: 'unavailable',
      retryAfterSeconds: 2,
    });
  });

  it('shows the open claim with a link, in English and Russian', async () => {
    const en = await page('en');
    expect(en).toContain('already has an open claim of this type for this waybill');
    expect(en).toContain(`<a href="/desk/claims/${id}">Open claim ${id}</a>`);
    const ru = await page('ru');
    expect(ru).toContain('уже есть открытая претензия этого типа по этой накладной');
    expect(ru).toContain(`<a href="/desk/claims/${id}">Открыть претензию ${id}</a>`);
  });
});
