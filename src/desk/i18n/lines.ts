/**
 * Explanation lines on desk pages and letters. A line is rendered from its `key` and
 * `params` with the page language's template, and the amounts and decimals in its params
 * (written `450.00 RUB` and `4.800` by the domain, for the API's English `text`) are
 * formatted for that language, as every other amount on the page is: the Russian letter
 * says `450,00 ₽` in its calculation as in its demand; its dates are written out as the
 * page's other dates are («30 ноября 2026 г.»). A param that holds a code of the
 * domain (a reschedule's reason, the weight a package is charged by) is shown by its name
 * in the language, never as the code.
 */
import { renderLine, type Line, type LineKey } from '../../domain/explain';
import { compileTemplate, fillTemplate } from '../../domain/explain/compile';
import { isCurrencyCode } from '../../domain/money';
import { listPolicies } from '../../domain/policies';
import { formatDate, formatDecimal, formatMoney } from '../../format';
import type { Language } from './lang';
import { labelsFor, type Labels } from './labels';

/** An amount as the domain writes it in a param: a plain decimal, a space, a currency code. */
const MONEY = /^(\d+(?:\.\d+)?) ([A-Z]{3})$/;
/** A plain decimal with a fractional part (a weight, a percentage); whole numbers stay as they are. */
const DECIMAL = /^\d+\.\d+$/;
/** How the domain joins the terms of a sum in one param (`500.00 RUB + 8000.00 RUB`). */
const PLUS = ' + ';

function formatTerm(lang: Language, term: string): string | undefined {
  const money = MONEY.exec(term);
  const [, amount, currency] = money ?? [];
  if (amount !== undefined && currency !== undefined && isCurrencyCode(currency)) {
    return formatMoney(lang, { amount, currency });
  }
  return DECIMAL.test(term) ? formatDecimal(lang, term) : undefined;
}

/**
 * A param for a language: an amount, a decimal, or a sum of them, formatted; anything else
 * (dates, ids, sources, notes, numbers) exactly as stored.
 * @example formatParam('ru', '500.00 RUB + 8000.00 RUB') // '500,00 ₽ + 8 000,00 ₽' (no-break spaces)
 * @example formatParam('ru', '2025-04-30') // '2025-04-30'
 */
export function formatParam(
  lang: Language,
  value: string | number | boolean,
): string | number | boolean {
  if (typeof value !== 'string') return value;
  const terms = value.split(PLUS).map((term) => formatTerm(lang, term));
  return terms.every((term) => term !== undefined) ? terms.join(PLUS) : value;
}

/** The names of a code's values, for the params of a key that hold one. */
type CodeNames = (labels: Labels) => Readonly<Record<string, string>>;
const CODED_PARAMS: Readonly<Partial<Record<LineKey, Readonly<Record<string, CodeNames>>>>> = {
  'reschedule.kept': { reason: (l) => l.rescheduleReason },
  'reschedule.moved': { reason: (l) => l.rescheduleReason },
  'remeasure.package': { beforeBasis: (l) => l.weightBasis, afterBasis: (l) => l.weightBasis },
};

/**
 * Lines the desk words its own way. A packaging line names the item by its catalogue name
 * alone: the item's id (`crate_m`) is the policy's key, not something a clerk reads.
 */
const DESK_TEMPLATES: Readonly<Partial<Record<LineKey, Readonly<Record<Language, string>>>>> = {
  'charges.packaging': {
    en: "Packaging: {name}, {price}, from the policy's catalogue.",
    ru: 'Упаковка: {nameRu}, {price}, по каталогу перевозчика.',
  },
};
const COMPILED_DESK = new Map(
  Object.entries(DESK_TEMPLATES).map(([key, texts]) => [
    key,
    { en: compileTemplate(texts.en), ru: compileTemplate(texts.ru) },
  ]),
);

/** A calendar date as the domain writes it in a param. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A param's value in the language: a code by its name, a date written out, an amount or a decimal formatted. */
function paramText(
  lang: Language,
  key: LineKey,
  name: string,
  value: string | number | boolean,
): string | number | boolean {
  const names = CODED_PARAMS[key]?.[name]?.(labelsFor(lang));
  if (names !== undefined && typeof value === 'string' && Object.hasOwn(names, value)) {
    return names[value] ?? value;
  }
  // «Перенос 30 ноября 2026 г.», not «Перенос 2026-11-30»: dates read as the page's others do.
  if (typeof value === 'string' && ISO_DATE.test(value)) return formatDate(lang, value);
  return formatParam(lang, value);
}

/**
 * The params of a stored line as the desk shows them. A `policy.applied` line cites the
 * policy's source as it read when the result was computed; the same policy version cites
 * what it follows in today's words (a claim filed before a citation was reworded still
 * names what a reader can look up). Only the citation changes: the version, and so every
 * number, is the stored one.
 */
function currentParams(line: Pick<Line, 'key' | 'params'>): Line['params'] {
  if (line.key !== 'policy.applied') return line.params;
  const { policyId, version } = line.params;
  const policy = listPolicies().find((p) => p.id === policyId && p.version === version);
  if (policy === undefined) return line.params;
  return { ...line.params, source: policy.source, sourceRu: policy.ru.source };
}

/**
 * A line in a language, its amounts formatted for it.
 * @example deskLine('ru', line('late.formula', { ratePercent: '3', days: 2, deliveryCost: '500.00 RUB', uncapped: '30.00 RUB' }))
 *   // 'Неустойка: 3 % × дней: 2 × 500,00 ₽ = 30,00 ₽.'
 */
export function deskLine(lang: Language, line: Pick<Line, 'key' | 'params'>): string {
  const params = Object.fromEntries(
    Object.entries(currentParams(line)).map(([name, value]) => [
      name,
      paramText(lang, line.key, name, value),
    ]),
  );
  const own = COMPILED_DESK.get(line.key)?.[lang];
  return own ? fillTemplate(own, params) : renderLine({ key: line.key, params }, lang);
}
