/**
 * Templates split once, when the module loads, into their fixed text and the names between:
 * every result renders several lines, and filling a pre-split template is a few string
 * joins, where a regex replace re-scans the whole template on every call.
 */

/** A `{name}` placeholder: the one syntax of the template tables. */
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A template split at its placeholders: `texts[i]` comes before `names[i]`, and the last
 * text ends the line, so there is always one more text than names.
 * @example compileTemplate('Delivered on {deliveredDate}.') // { texts: ['Delivered on ', '.'], names: ['deliveredDate'] }
 */
export interface CompiledTemplate {
  readonly texts: readonly string[];
  readonly names: readonly string[];
}

/**
 * Splits a template with the very regex a replace would use, so both find the same
 * placeholders (a stray `{` or `{a b}` stays plain text in both).
 * @example compileTemplate('{a} and {b}').names // ['a', 'b']
 */
export function compileTemplate(template: string): CompiledTemplate {
  const texts: string[] = [];
  const names: string[] = [];
  let from = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(from, match.index));
    names.push(match[1] ?? '');
    from = match.index + match[0].length;
  }
  texts.push(template.slice(from));
  return { texts, names };
}

/**
 * Fills a compiled template. A param the line lacks stays visible as `{name}` rather than
 * vanishing, so a broken stored line is noticed, not silently misprinted; only own params
 * count, so a name like `toString` never picks up something inherited.
 * @example fillTemplate(compileTemplate('Delivered on {deliveredDate}.'), { deliveredDate: '2025-03-13' }) // 'Delivered on 2025-03-13.'
 */
export function fillTemplate(
  template: CompiledTemplate,
  params: Readonly<Record<string, string | number | boolean>>,
): string {
  const { texts, names } = template;
  let text = texts[0] ?? '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? '';
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    text += (value === undefined ? `{${name}}` : String(value)) + (texts[i + 1] ?? '');
  }
  return text;
}
