import { listPolicies } from '../domain/policies';
import type { Language } from './i18n/lang';

/** A carrier's name in the page language, from its policy (unknown ids shown as is). */
export { carrierName } from '../domain/policies';

/**
 * Every carrier as choices for a select.
 *
 * @example carrierChoices('en')[0] // { value: 'cdek', label: 'CDEK parcels' }
 */
export const carrierChoices = (lang: Language) =>
  listPolicies().map((p) => ({ value: p.id, label: lang === 'ru' ? p.ru.name : p.name }));
