/**
 * Writing dates, amounts and counts in each language: one module under both the desk's pages
 * and the customer's messages and letters, so a sum reads the same wherever it is shown.
 */
export { DEFAULT_TIME_ZONE, formatDate, formatInstant, isTimeZone, timeZoneLabel } from './dates';
export { LOCALES } from './locales';
export { formatDecimal, formatMoney } from './money';
export { countOf, pluralForm, russianPlural, type PluralForms } from './plural';
