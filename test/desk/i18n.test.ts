import { describe, expect, it } from 'vitest';
import {
  countOf,
  formatDate,
  formatDecimal,
  formatInstant,
  formatMoney,
  isTimeZone,
  pluralForm,
  timeZoneLabel,
} from '../../src/format';
import { analyticsFor } from '../../src/desk/i18n/analytics';
import { caseworkFor } from '../../src/desk/i18n/casework';
import { formatSize } from '../../src/desk/i18n/files';
import type { Language } from '../../src/desk/i18n/lang';
import { labelsFor } from '../../src/desk/i18n/labels';
import { pickLanguage } from '../../src/desk/i18n/lang';
import { fieldErrorText } from '../../src/desk/i18n/field-errors';
import {
  FIELD_CODES,
  fieldMessage,
  type FieldCode,
  type FieldParams,
} from '../../src/http/field-issues';

/** Intl separates groups with (narrow) no-break spaces; compare on plain spaces. */
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('counts in Russian', () => {
  it.each([
    [1, 'день'],
    [2, 'дня'],
    [4, 'дня'],
    [5, 'дней'],
    [11, 'дней'],
    [12, 'дней'],
    [14, 'дней'],
    [21, 'день'],
    [22, 'дня'],
    [111, 'дней'],
    [0, 'дней'],
  ] as const)('writes %i with the form %j', (n, form) => {
    expect(pluralForm('ru', n, { one: 'день', few: 'дня', many: 'дней', other: 'дня' })).toBe(form);
  });
});

describe('a count meets its noun in the right form (1, 2, 5, 21)', () => {
  const flag = (lang: Language, n: number) => analyticsFor(lang).flag('CDEK', 'x', 'W1', n, '1');
  const limit = (lang: Language, code: FieldCode, n: number) =>
    fieldErrorText(lang, {
      code,
      params: code === 'too_few' ? { minimum: n } : { maximum: n },
      message: fieldMessage(code, code === 'too_few' ? { minimum: n } : { maximum: n }),
    });
  it.each([
    [1, '1 претензия', '1 claim', 'остался 1 день', '1 day left', '1 байт', '1 byte'],
    [2, '2 претензии', '2 claims', 'осталось 2 дня', '2 days left', '2 байта', '2 bytes'],
    [5, '5 претензий', '5 claims', 'осталось 5 дней', '5 days left', '5 байт', '5 bytes'],
    [21, '21 претензия', '21 claims', 'остался 21 день', '21 days left', '21 байт', '21 bytes'],
  ])('%i', (n, claimsRu, claimsEn, leftRu, leftEn, bytesRu, bytesEn) => {
    expect(flag('ru', n)).toContain(`: ${claimsRu} за неделю`);
    expect(flag('en', n)).toContain(`: ${claimsEn} in week`);
    expect(caseworkFor('ru').daysLeft(n)).toBe(leftRu);
    expect(caseworkFor('en').daysLeft(n)).toBe(leftEn);
    expect(caseworkFor('ru').daysOverdue(n)).toBe(
      `просрочено на ${leftRu.split(' ').slice(1).join(' ')}`,
    );
    expect(formatSize('ru', n)).toBe(bytesRu);
    expect(formatSize('en', n)).toBe(bytesEn);
  });

  it.each([
    [1, 'не длиннее 1 символа', 'must be at most 1 character long', 'не меньше 1 элемента'],
    [2, 'не длиннее 2 символов', 'must be at most 2 characters long', 'не меньше 2 элементов'],
    [5, 'не длиннее 5 символов', 'must be at most 5 characters long', 'не меньше 5 элементов'],
    [21, 'не длиннее 21 символа', 'must be at most 21 characters long', 'не меньше 21 элемента'],
  ])('field limits of %i', (n, longRu, longEn, fewRu) => {
    expect(limit('ru', 'too_long', n)).toBe(longRu);
    expect(limit('en', 'too_long', n)).toBe(longEn);
    expect(limit('ru', 'too_few', n)).toBe(fewRu);
  });

  it.each([
    [1, 'не больше 1 документа: уже 1, ещё 1 не поместится'],
    [2, 'не больше 2 документов: уже 1, ещё 2 не поместятся'],
    [5, 'не больше 5 документов: уже 1, ещё 5 не поместятся'],
    [21, 'не больше 21 документа: уже 1, ещё 21 не поместится'],
  ])('the evidence limit of %i', (n, expected) => {
    const params = { maximum: n, current: 1, adding: n };
    expect(fieldErrorText('ru', { code: 'evidence_limit', params, message: '' })).toBe(
      `в претензии ${expected}`,
    );
  });

  it.each([
    [1, 'в течение 1 месяца'],
    [2, 'в течение 2 месяцев'],
    [5, 'в течение 5 месяцев'],
    [21, 'в течение 21 месяца'],
  ])('the filing window of %i months', (months, expected) => {
    const params = { months, closedOn: '2025-01-01' };
    const text = fieldErrorText('ru', { code: 'filing_deadline_passed', params, message: '' });
    expect(text).toContain(expected);
  });
});

describe('amounts for a language', () => {
  it.each([
    ['en', '1234.50', 'RUB', 'RUB 1,234.50'],
    ['ru', '1234.50', 'RUB', '1 234,50 ₽'],
    ['en', '0.05', 'EUR', '€0.05'],
    ['ru', '8500.00', 'RUB', '8 500,00 ₽'],
    ['en', '999999999999999.99', 'RUB', 'RUB 999,999,999,999,999.99'],
    ['ru', '123456789012345.67', 'KZT', '123 456 789 012 345,67 KZT'],
  ] as const)('%s writes %s %s as %j, digit for digit', (lang, amount, currency, expected) => {
    expect(plain(formatMoney(lang, { amount, currency }))).toBe(expected);
  });

  it('keeps digits a float would lose (above 2^53 minor units)', () => {
    expect(plain(formatMoney('en', { amount: '90071992547409.93', currency: 'USD' }))).toBe(
      'US$90,071,992,547,409.93',
    );
  });

  it('shows a malformed stored amount as it is rather than guessing', () => {
    expect(formatMoney('en', { amount: '1e3', currency: 'RUB' })).toBe('1e3 RUB');
  });

  it.each([
    ['en', '12345.678', '12,345.678'],
    ['ru', '12345.678', '12 345,678'],
    ['ru', '7', '7'],
  ] as const)('%s writes the decimal %s as %j', (lang, value, expected) => {
    expect(plain(formatDecimal(lang, value))).toBe(expected);
  });
});

describe('dates for a language', () => {
  it.each([
    ['en', '2025-06-16', '16 June 2025'],
    ['ru', '2025-06-16', '16 июня 2025 г.'],
    ['en', '2025-06-16T23:59:59.000Z', '16 June 2025'],
  ] as const)(
    '%s writes %s as %j, the stored day whatever the time zone',
    (lang, date, expected) => {
      expect(plain(formatDate(lang, date))).toBe(expected);
    },
  );

  it("states instants in the reader's time zone, naming it", () => {
    const at = '2025-06-16T09:05:00.000Z';
    expect(plain(formatInstant('en', at, 'UTC'))).toBe('16 Jun 2025, 09:05 UTC');
    expect(plain(formatInstant('ru', at, 'UTC'))).toBe('16 июн. 2025 г., 09:05 UTC');
    expect(plain(formatInstant('en', at, 'Europe/Moscow'))).toBe('16 Jun 2025, 12:05 Moscow Time');
    expect(plain(formatInstant('ru', at, 'Europe/Moscow'))).toBe('16 июн. 2025 г., 12:05 Москва');
    expect(plain(formatInstant('ru', at, 'Asia/Novosibirsk'))).toBe(
      '16 июн. 2025 г., 16:05 Новосибирск',
    );
    // Late evening in UTC is the next morning in Vladivostok: the date moves with the zone.
    expect(plain(formatInstant('en', '2025-06-16T23:54:00Z', 'Asia/Vladivostok'))).toMatch(
      /^17 Jun 2025, 09:54 /,
    );
  });

  it('names a zone with its id and offset', () => {
    const june = new Date('2025-06-16T00:00:00Z');
    expect(plain(timeZoneLabel('en', 'Europe/Moscow', june))).toBe(
      'Moscow Time (Europe/Moscow, GMT+3)',
    );
    expect(plain(timeZoneLabel('ru', 'Europe/Moscow', june))).toBe('Москва (Europe/Moscow, GMT+3)');
    expect(timeZoneLabel('en', 'UTC', june)).toBe('UTC');
    expect(isTimeZone('Asia/Yekaterinburg')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it.each([
    [1, 'претензия'],
    [2, 'претензии'],
    [4, 'претензии'],
    [5, 'претензий'],
    [11, 'претензий'],
    [21, 'претензия'],
    [22, 'претензии'],
    [112, 'претензий'],
  ])('counts %i as «%s» by Russian plural rules', (n, noun) => {
    const forms = { one: 'претензия', few: 'претензии', many: 'претензий', other: 'претензии' };
    expect(countOf('ru', n, forms)).toBe(`${n} ${noun}`);
  });

  it('counts in English, grouping digits', () => {
    expect(countOf('en', 1, { one: 'claim', other: 'claims' })).toBe('1 claim');
    expect(countOf('en', 1200, { one: 'claim', other: 'claims' })).toBe('1,200 claims');
  });
});

describe('the page language', () => {
  it.each([
    ['ru', 'en-GB', 'ru'],
    ['en', 'ru-RU', 'en'],
    [undefined, 'ru-RU,ru;q=0.9', 'ru'],
    [undefined, 'de-DE,ru;q=0.5', 'en'],
    ['fr', undefined, 'en'],
  ] as const)('cookie %j with Accept-Language %j gives %s', (cookie, accept, expected) => {
    expect(pickLanguage(cookie, accept)).toBe(expected);
  });
});

describe('names of the claim model’s values', () => {
  it('are given, and differ, in both languages', () => {
    const [en, ru] = [labelsFor('en'), labelsFor('ru')];
    for (const group of Object.keys(en) as (keyof typeof en)[]) {
      for (const [key, value] of Object.entries(en[group])) {
        const russian = (ru[group] as Record<string, string>)[key];
        expect(value, `${group}.${key}`).not.toBe('');
        expect(russian, `${group}.${key}`).toMatch(/[а-яё]/i);
      }
    }
  });
});

describe('field errors in Russian, by code', () => {
  const ru = (code: FieldCode, params: FieldParams = {}, message = 'unused') =>
    fieldErrorText('ru', { code, params, message });

  it('has its own Russian for every code (only the generic ones share a text)', () => {
    const generic = ru('invalid_value');
    const own = FIELD_CODES.filter((c) => c !== 'invalid_value' && c !== 'invalid_input');
    for (const code of own) expect(ru(code), code).not.toBe(generic);
  });

  it.each([
    ['too_long', { maximum: 64 }, 'не длиннее 64 символов'],
    ['invalid_enum', { values: ['late', 'lost'] }, 'допустимые значения: late, lost'],
    [
      'date_order',
      { field: 'promisedDate', date: '2025-04-25', other: 'shippedDate', otherDate: '2025-04-28' },
      '25 апреля 2025 г. — раньше даты отправки (28 апреля 2025 г.)',
    ],
    [
      'not_late',
      { promisedDate: '2025-04-30', lateUntil: '2025-04-30', dayBasis: 'business' },
      'обещано к 30 апреля 2025 г., на 30 апреля 2025 г. нет ни одного рабочего дня просрочки: претендовать не на что',
    ],
    [
      'one_of',
      { field: 'promisedDate', other: 'transitBusinessDays' },
      'укажите обещанную дату доставки или срок в пути',
    ],
    [
      'not_both',
      { field: 'asOf', other: 'deliveredDate' },
      'укажите что-то одно: дату доставки или дату, на которую посылка ещё не доставлена',
    ],
  ] as const)('writes %s with its params', (code, params, expected) => {
    expect(ru(code, params)).toBe(expected);
  });

  it('translates a schema’s own message, numbers included, and keeps English pages English', () => {
    const decimals = 'has 3 decimals; RUB allows at most 2';
    expect(ru('invalid_value', {}, decimals)).toBe('знаков в дробной части: 3; можно не больше 2');
    expect(ru('invalid_format', { format: 'email' }, 'must be an e-mail address')).toBe(
      'должен быть адресом электронной почты',
    );
    expect(fieldErrorText('en', { code: 'invalid_value', params: {}, message: decimals })).toBe(
      decimals,
    );
  });
});
