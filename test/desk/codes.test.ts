/**
 * No code reaches a desk page raw (issue 21): every value of every list the desk shows has
 * a name in English and in Russian, the explanation lines say their coded params by those
 * names, and the history says the notes the rules wrote in the page's language.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTOR_ROLES,
  CLAIM_CAUSES,
  CLAIM_EVENT_TYPES,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  GENERATED_COMMENT_KINDS,
  type ClaimEvent,
  type GeneratedComment,
} from '../../src/domain/claim';
import { LOSS_COMPONENT_KINDS } from '../../src/domain/compensation';
import { EVIDENCE_KINDS } from '../../src/domain/evidence';
import { LINE_KEYS, templateOf, type LineKey } from '../../src/domain/explain';
import { RESCHEDULE_REASONS } from '../../src/domain/policies';
import { REMEDY_KINDS, REMEDY_STATUSES } from '../../src/domain/remedy';
import { EVENT_KINDS, EVENT_SOURCES } from '../../src/domain/shipment';
import { MESSAGE_KINDS } from '../../src/messages/claim-messages';
import { CLERK_MOVES } from '../../src/desk/forms/move-form';
import { analyticsFor } from '../../src/desk/i18n/analytics';
import { carrierEventsFor, UNMATCHED_REASONS } from '../../src/desk/i18n/carrier-events';
import { claimFor } from '../../src/desk/i18n/claim';
import { customerMessagesFor } from '../../src/desk/i18n/customer-messages';
import { filesFor } from '../../src/desk/i18n/files';
import { labelsFor } from '../../src/desk/i18n/labels';
import type { Language } from '../../src/desk/i18n/lang';
import { deskLine } from '../../src/desk/i18n/lines';
import { shipmentStatusFor } from '../../src/desk/i18n/orders';
import { remediesFor } from '../../src/desk/i18n/remedies';
import { History } from '../../src/desk/views/claim/history';

/** Names Russian writes in Latin letters as they are (the event source `api`). */
const LATIN_IN_RUSSIAN = new Set(['API']);

/** A code as the domain writes it: lower case words joined by `_`. */
const SNAKE_CASE = /\b[a-z]+_[a-z_]+\b/;

const sample = (kind: GeneratedComment['kind']): GeneratedComment =>
  kind === 'payment_reference' ? { kind, reference: 'PP-000123' } : { kind };

/** Each list a desk page shows, and its names in a language. */
const LISTS: readonly [string, readonly string[], (lang: Language) => Record<string, string>][] = [
  ['claim status', CLAIM_STATUSES, (lang) => labelsFor(lang).status],
  ['claim type', CLAIM_TYPES, (lang) => labelsFor(lang).type],
  ['evidence kind', EVIDENCE_KINDS, (lang) => labelsFor(lang).evidence],
  ['loss component', LOSS_COMPONENT_KINDS, (lang) => labelsFor(lang).component],
  ['history event', CLAIM_EVENT_TYPES, (lang) => labelsFor(lang).event],
  ['actor role', ACTOR_ROLES, (lang) => labelsFor(lang).role],
  ['delay cause', RESCHEDULE_REASONS, (lang) => labelsFor(lang).rescheduleReason],
  ['weight basis', ['volumetric', 'physical', 'not declared'], (l) => labelsFor(l).weightBasis],
  ['shipment event kind', EVENT_KINDS, (lang) => shipmentStatusFor(lang)],
  ['shipment event source', EVENT_SOURCES, (lang) => carrierEventsFor(lang).sources],
  ['unmatched event reason', UNMATCHED_REASONS, (lang) => carrierEventsFor(lang).reasons],
  ['claim cause', CLAIM_CAUSES, (lang) => analyticsFor(lang).causes],
  ['remedy kind', REMEDY_KINDS, (lang) => remediesFor(lang).kinds],
  ['remedy status', REMEDY_STATUSES, (lang) => remediesFor(lang).statuses],
  ['message kind', MESSAGE_KINDS, (lang) => customerMessagesFor(lang).kinds],
  ['file refusal', Object.keys(filesFor('en').refused), (lang) => filesFor(lang).refused],
  [
    'clerk move',
    Object.keys(CLERK_MOVES),
    (lang) =>
      Object.fromEntries(Object.entries(claimFor(lang).moves).map(([k, t]) => [k, t.title])),
  ],
  [
    'generated note',
    GENERATED_COMMENT_KINDS,
    (lang) =>
      Object.fromEntries(
        GENERATED_COMMENT_KINDS.map((k) => [k, claimFor(lang).generated(sample(k))]),
      ),
  ],
];

describe('every code a desk page shows', () => {
  it.each(LISTS)('%s: each value has an English and a Russian name', (_, codes, names) => {
    for (const code of codes) {
      const [en, ru] = [names('en')[code], names('ru')[code]];
      expect(en, `${code} in English`).toMatch(/[a-z]/i);
      expect(en, `${code} in English`).not.toMatch(SNAKE_CASE);
      if (!LATIN_IN_RUSSIAN.has(ru ?? '')) expect(ru, `${code} in Russian`).toMatch(/[а-яё]/i);
      expect(ru, `${code} in Russian`).not.toMatch(SNAKE_CASE);
    }
  });
});

/** The codes each coded param of a line can hold. */
const CODES: Readonly<Record<string, readonly string[]>> = {
  reason: RESCHEDULE_REASONS,
  beforeBasis: ['volumetric', 'physical', 'not declared'],
  afterBasis: ['volumetric', 'physical'],
  item: ['crate_m', 'envelope_a4'],
};

const placeholders = (key: LineKey) =>
  [...new Set([...`${templateOf(key, 'en')}${templateOf(key, 'ru')}`.matchAll(/\{(\w+)\}/g)])]
    .map((m) => m[1] ?? '')
    .filter((name, i, all) => all.indexOf(name) === i);

describe('explanation lines on the desk', () => {
  it.each(LINE_KEYS)('%s says every code it holds by its name, in both languages', (key) => {
    const names = placeholders(key);
    const coded = names.filter((name) => CODES[name] !== undefined);
    const variants =
      coded.length === 0
        ? [{}]
        : (CODES[coded[0] ?? ''] ?? []).map((code) =>
            Object.fromEntries(coded.map((name) => [name, code])),
          );
    for (const variant of variants) {
      const params = { ...Object.fromEntries(names.map((name) => [name, 'x'])), ...variant };
      for (const lang of ['en', 'ru'] as const) {
        const text = deskLine(lang, { key, params });
        expect(text, `${key} (${lang}) ${JSON.stringify(variant)}`).not.toMatch(SNAKE_CASE);
        expect(text).not.toContain('{');
      }
    }
  });

  it('names a reschedule’s cause and a package’s weight basis', () => {
    const reschedule = { date: '2025-03-10', promisedDate: '2025-03-14', reason: 'courier_late' };
    expect(deskLine('ru', { key: 'reschedule.moved', params: reschedule })).toContain(
      '(опоздал курьер)',
    );
    expect(deskLine('en', { key: 'reschedule.moved', params: reschedule })).toContain(
      '(the courier is late)',
    );
    const remeasured = {
      index: 1,
      beforeKg: '2.500',
      beforeBasis: 'physical',
      physicalKg: '2.500',
      volumetricKg: '4.800',
      afterBasis: 'volumetric',
      afterKg: '4.800',
    };
    const ru = deskLine('ru', { key: 'remeasure.package', params: remeasured });
    expect(ru).toContain('(фактический)');
    expect(ru).toContain('к оплате больший (объёмный)');
  });

  it('writes a line’s dates as the page’s other dates, never as ISO', () => {
    const reschedule = { date: '2025-03-10', promisedDate: '2025-03-14', reason: 'courier_late' };
    const ru = deskLine('ru', { key: 'reschedule.moved', params: reschedule });
    expect(ru).toContain('Перенос 10 марта 2025 г. на 14 марта 2025 г.');
    expect(ru).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const en = deskLine('en', { key: 'reschedule.moved', params: reschedule });
    expect(en).toContain('14 March 2025');
    expect(en).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('the history’s notes', () => {
  const event = (type: ClaimEvent['type'], note: string, from?: string): ClaimEvent => ({
    claimId: 'clm_1',
    seq: 5,
    at: '2025-06-02T10:00:00.000Z',
    actor: { role: 'clerk', id: 'clerk:k1' },
    type,
    ...(from === undefined ? {} : { from: 'needs_info', to: 'in_review' }),
    note,
  });
  const payment = {
    amount: { amount: '500.00', currency: 'RUB' as const },
    paidOn: '2025-06-02',
    reference: 'PP-000123',
    recordedBy: 'clerk:k1',
    recordedAt: '2025-06-02T10:00:00.000Z',
  };
  const history = async (lang: Language, events: ClaimEvent[]) =>
    String(await History({ lang, events, claim: { payment }, names: new Map() }));

  it('says the ones the rules wrote in the page’s language, from their facts', async () => {
    const events = [
      event('status_changed', 'evidence added', 'needs_info'),
      event('payment_recorded', 'reference PP-000123'),
    ];
    const ru = await history('ru', events);
    expect(ru).toContain('номер платежа PP-000123');
    expect(ru).toContain('поступили новые документы');
    expect(ru).not.toContain('reference');
    expect(ru).not.toContain('evidence added');
    expect(await history('en', events)).toContain('payment reference PP-000123');
  });

  it('keeps a person’s note as written', async () => {
    const ru = await history('ru', [event('status_changed', 'evidence added to the file, see')]);
    expect(ru).toContain('evidence added to the file, see');
  });
});
