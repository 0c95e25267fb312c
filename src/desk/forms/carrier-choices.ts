/** The carriers as a form's choices, named in the page's language from their policies. */
import { listPolicies } from '../../domain/policies';
import type { Language } from '../i18n/lang';

/**
 * Every carrier as choices for a select.
 *
 * @example carrierChoices('en')[0] // { value: 'cdek', label: 'CDEK parcels' }
 */
export const carrierChoices = (lang: Language) =>
  listPolicies().map((p) => ({ value: p.id, label: lang === 'ru' ? p.ru.name : p.name }));
