/**
 * Issue 25's desk parts, rendered: the printable act in both languages (its fields and the
 * event-log extract), the erased claim's notice, and the exports saying what they hold.
 */
import { describe, expect, it } from 'vitest';
import { analyticsCsvName } from '../../src/desk/export/analytics-csv';
import { ActPage } from '../../src/desk/views/personal-data/act-page';
import { ErasedNotice } from '../../src/desk/views/personal-data/erased-notice';
import type { ErasureAct, ErasureStep } from '../../src/domain/personal-data';

const act: ErasureAct = {
  id: `pde_${'a'.repeat(32)}`,
  shopId: 'demo-shop',
  subjectRef: '49fa6aa7b354fc2b',
  subjectRefs: ['49fa6aa7b354fc2b'],
  categories: ['name', 'phone'],
  records: [{ kind: 'claim', id: `clm_${'b'.repeat(32)}` }],
  startedAt: '2026-12-07T10:00:00.000Z',
  completedAt: '2026-12-07T10:00:01.000Z',
  status: 'completed',
  method: 'overwritten in place with tombstones; index entries deleted',
  instruction: { kind: 'retention', retainDays: 730 },
};
const steps: ErasureStep[] = [
  { at: act.startedAt, action: 'erasure_started', actor: 'system:retention' },
  { at: act.startedAt, action: 'overwritten', record: act.records[0], actor: 'system:retention' },
];
const render = async (lang: 'en' | 'ru', a: ErasureAct = act) =>
  String(await ActPage({ lang, act: a, steps }));

describe('the printable destruction act', () => {
  it('states categories, whose, which records, when, how and on whose instruction, then the log', async () => {
    const en = await render('en');
    for (const part of [
      'Act of destruction of personal data',
      'full name, phone number',
      '49fa6aa7b354fc2b',
      `/desk/claims/clm_${'b'.repeat(32)}`,
      'Overwritten in place with tombstones',
      'retention period (730 days)',
      'erasure started',
      'system:retention',
    ]) {
      expect(en).toContain(part);
    }
    const ru = await render('ru');
    expect(ru).toContain('Акт об уничтожении персональных данных');
    expect(ru).toContain('фамилия, имя, отчество, номер телефона');
    expect(ru).toContain('Истёк срок хранения магазина (730 дн.)');
    expect(ru).toContain('запись перезаписана');
  });

  it('says an act still running is to be completed, and an empty one that nothing was held', async () => {
    const { completedAt: _done, ...running } = act;
    const open = await render('en', { ...running, status: 'running', records: [] });
    expect(open).toContain('In progress');
    expect(open).toContain('The shop holds no records of this person.');
  });
});

describe('an erased claim’s page', () => {
  it('names the act, and says nothing for a claim whose data is kept', async () => {
    const mark = { erasedAt: act.startedAt, erasureId: act.id };
    const shown = String(await ErasedNotice({ lang: 'en', shopId: 'demo-shop', mark }));
    expect(shown).toContain('Personal data erased on');
    expect(shown).toContain(`/desk/personal-data/erasures/${act.id}?shopId=demo-shop`);
    expect(await ErasedNotice({ lang: 'en', shopId: 'demo-shop' })).toBeNull();
  });
});

describe('the desk’s exports', () => {
  it('name the analytics CSV as totals with no personal data', () => {
    expect(analyticsCsvName({ groupBy: 'cause', from: '2026-11-01', to: '2026-11-30' })).toBe(
      'claims-cause-2026-11-01-2026-11-30-totals-no-personal-data.csv',
    );
  });
});
