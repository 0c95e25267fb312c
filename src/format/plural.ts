/** Plural forms a count needs in Russian (English texts write their own). */

/**
 * The Russian form for `n`: one (1, 21), few (2–4, 22–24) or many (5–20, 25…, 11–14).
 *
 * @example russianPlural(2, ['день', 'дня', 'дней']) // 'дня'
 * @example russianPlural(11, ['день', 'дня', 'дней']) // 'дней'
 */
export function russianPlural(n: number, forms: readonly [one: string, few: string, many: string]) {
  const mod10 = Math.abs(n) % 10;
  const mod100 = Math.abs(n) % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}
