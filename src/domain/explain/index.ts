/**
 * Explanation lines: every result says, line by line, how its figure was reached, so a clerk
 * can check it without the code. A line is a key plus params; the text is rendered from one
 * template table per language, so the same result prints in English or Russian.
 */
import { compileTemplate, fillTemplate, type CompiledTemplate } from './compile';
import { EN_TEMPLATES } from './en';
import { RU_TEMPLATES } from './ru';

/**
 * Every line key, in the order of the English table.
 * @example LINE_KEYS.includes('late.formula') // true
 */
export const LINE_KEYS = Object.keys(EN_TEMPLATES) as readonly LineKey[];

/** @example const k: LineKey = 'late.cap.applied'; */
export type LineKey = keyof typeof EN_TEMPLATES;

/**
 * Languages a line renders in.
 * @example LANGUAGES.includes('ru') // true
 */
export const LANGUAGES = ['en', 'ru'] as const;
/** @example const lang: Language = 'ru'; */
export type Language = (typeof LANGUAGES)[number];

/** A template's `{name}` placeholders, as a union of names. */
type Placeholders<T extends string> = T extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/**
 * The params a key needs: every placeholder of its English and Russian templates. The
 * compiler checks each `line()` call against both tables, so no template can go unfilled.
 * @example const p: LineParams<'late.delivered'> = { deliveredDate: '2025-03-13' };
 */
export type LineParams<K extends LineKey> = Record<
  Placeholders<(typeof EN_TEMPLATES)[K]> | Placeholders<(typeof RU_TEMPLATES)[K]>,
  string | number | boolean
>;

/**
 * One explanation line: `text` is the English rendering, kept for readers of the raw JSON.
 * @example { key: 'late.delivered', params: { deliveredDate: '2025-03-13' }, text: 'Delivered on 2025-03-13.' }
 */
export interface Line {
  key: LineKey;
  params: Record<string, string | number | boolean>;
  text: string;
}

const TEMPLATES: Readonly<Record<Language, Readonly<Record<LineKey, string>>>> = {
  en: EN_TEMPLATES,
  ru: RU_TEMPLATES,
};

/**
 * The template of a key in a language (for tests and documentation).
 * @example templateOf('late.delivered', 'ru') // 'Доставлено {deliveredDate}.'
 */
export function templateOf(key: LineKey, lang: Language): string {
  return TEMPLATES[lang][key];
}

/** Every template, split once at load; see explain/compile.ts for why. */
const COMPILED: Readonly<Record<Language, ReadonlyMap<string, CompiledTemplate>>> = {
  en: compileTable(EN_TEMPLATES),
  ru: compileTable(RU_TEMPLATES),
};

function compileTable(table: Readonly<Record<string, string>>): Map<string, CompiledTemplate> {
  return new Map(Object.entries(table).map(([key, t]) => [key, compileTemplate(t)]));
}

function render(
  key: LineKey,
  params: Readonly<Record<string, string | number | boolean>>,
  lang: Language,
): string {
  const compiled = COMPILED[lang].get(key);
  // Only a key forged at runtime gets here; it failed before too (a TypeError), now clearly.
  if (compiled === undefined) throw new TypeError(`no ${lang} template for line key "${key}"`);
  return fillTemplate(compiled, params);
}

/**
 * Renders a line in a language. A param the template lacks stays visible as `{name}`
 * rather than vanishing, so a broken stored line is noticed, not silently misprinted.
 * @example renderLine({ key: 'late.delivered', params: { deliveredDate: '2025-03-13' } }, 'ru') // 'Доставлено 2025-03-13.'
 */
export function renderLine(
  line: { key: LineKey; params: Readonly<Record<string, string | number | boolean>> },
  lang: Language,
): string {
  return render(line.key, line.params, lang);
}

/**
 * Builds a line with its English text. The params are copied, so a caller that reuses its
 * object cannot change a line already made.
 * @example line('late.delivered', { deliveredDate: '2025-03-13' }).text // 'Delivered on 2025-03-13.'
 */
export function line<K extends LineKey>(key: K, params: LineParams<K>): Line {
  const plain: Record<string, string | number | boolean> = { ...params };
  return { key, params: plain, text: render(key, plain, 'en') };
}
