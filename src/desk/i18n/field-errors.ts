/**
 * Field errors in the desk's languages. English is the API's own message (the
 * schema's, or ours for the code); Russian is written here, keyed by the
 * same stable code as the API's `errors[].code`, with its params. Messages a
 * schema writes itself are translated by their English text, as a catalogue.
 */
import type { FieldIssue, FieldParams } from '../../http/field-issues';
import { formatDate, pluralForm } from '../../format';
import type { Language } from './lang';
import { formatParam } from './lines';

/** Russian of the messages written on the request schemas, by their English. */
const RU_SCHEMA_MESSAGES: Readonly<Record<string, string>> = {
  'is required': 'обязательное поле',
  'must be an e-mail address': 'должен быть адресом электронной почты',
  'must be a phone number: digits, spaces, ( ) - and a leading +':
    'должен быть номером телефона: цифры, пробелы, ( ) - и + в начале',
  'must be an http(s) URL': 'должна быть ссылкой http:// или https://',
  'must be a date as YYYY-MM-DD': 'должна быть датой в виде ГГГГ-ММ-ДД',
  'is not a real calendar date': 'такой даты нет в календаре',
  'must be a decimal string such as "500.00", not a JSON number':
    'должна быть десятичным числом в кавычках, например "500.00"',
  'may hold letters, digits, ".", "_" and "-" only':
    'может содержать только латинские буквы, цифры, «.», «_» и «-»',
  'add at least one item': 'добавьте хотя бы один документ',
  'is empty; expected a decimal such as 150.00': 'пусто; нужно десятичное число, например 150.00',
  'contains spaces; write only digits and a "." point':
    'содержит пробелы; пишите только цифры и точку',
  'is negative; it must be 0 or more': 'отрицательное число; должно быть 0 или больше',
  'uses exponent notation; write it out, e.g. 1000':
    'записано с экспонентой; напишите полностью, например 1000',
  'uses a comma; write the decimal point as ".", e.g. 1.5':
    'с запятой; дробную часть отделяйте точкой, например 1.5',
  'is not a plain decimal number (expected e.g. 150.00)':
    'не десятичное число (нужно, например, 150.00)',
};

/** Russian of the schema messages that carry a number, by their English pattern. */
const RU_SCHEMA_PATTERNS: readonly [RegExp, string][] = [
  [
    /^has (\d+) decimals; (?:\S+ )?allows at most (\d+)$/,
    'знаков в дробной части: $1; можно не больше $2',
  ],
  [
    /^has (\d+) digits before the point; at most (\d+) allowed$/,
    'цифр в целой части: $1; можно не больше $2',
  ],
];

const schemaRussian = (message: string): string | undefined => {
  const known = RU_SCHEMA_MESSAGES[message];
  if (known) return known;
  const pattern = RU_SCHEMA_PATTERNS.find(([english]) => english.test(message));
  return pattern && message.replace(pattern[0], pattern[1]);
};

/** Date fields as a Russian message names them (genitive: «раньше даты отправки»). */
const RU_DATES: Readonly<Record<string, string>> = {
  shippedDate: 'даты отправки',
  promisedDate: 'обещанной даты доставки',
  deliveredDate: 'даты доставки',
  asOf: 'даты, на которую посылка не доставлена',
  // Starts of what a reported date belongs to (src/domain/happened.ts).
  placedAt: 'даты заказа',
  createdAt: 'даты подачи претензии',
};

/** Fields as a Russian request names them (accusative: «укажите дату доставки»). */
const RU_FIELDS: Readonly<Record<string, string>> = {
  promisedDate: 'обещанную дату доставки',
  transitBusinessDays: 'срок в пути',
  deliveredDate: 'дату доставки',
  asOf: 'дату, на которую посылка ещё не доставлена',
  // Remedies.
  value: 'сумму',
  percent: 'процент',
};

const RU_TYPES: Readonly<Record<string, string>> = {
  string: 'должно быть строкой',
  number: 'должно быть числом',
  boolean: 'должно быть «да» или «нет»',
  object: 'должно быть объектом',
  array: 'должно быть списком',
};

const RU_FORMATS: Readonly<Record<string, string>> = {
  email: 'должен быть адресом электронной почты',
  url: 'должна быть ссылкой',
  date: 'должна быть датой в виде ГГГГ-ММ-ДД',
  // The desk's money fields (src/desk/forms/money-input.ts).
  amount:
    'не похоже на сумму: пишите цифры, дробную часть — после запятой или точки, тысячи можно отделить пробелами, например 1 234,50',
  ambiguous_amount:
    'и запятая, и точка (или одна из них дважды): сумму можно прочесть двояко. Дробную часть отделите одним знаком, запятой или точкой, а тысячи — пробелами, например 1 234,50',
};

const text = (value: FieldParams[string] | undefined) =>
  Array.isArray(value) ? value.join(', ') : String(value ?? '');
const date = (value: FieldParams[string] | undefined) => formatDate('ru', text(value));
const field = (value: FieldParams[string] | undefined) => RU_FIELDS[text(value)] ?? text(value);
/** An amount param (`1000.00 RUB`, as the domain writes it) the Russian way: «1 000,00 ₽». */
const money = (value: FieldParams[string] | undefined) => String(formatParam('ru', text(value)));

/** Facts a shipment may lack for a claim, as a Russian sentence names them (genitive). */
const RU_SHIPMENT_FACTS: Readonly<Record<string, string>> = {
  waybill: 'номера накладной',
  shippedDate: 'даты отправки',
};

/**
 * The Russian of a code with its params.
 *
 * @example russian({ code: 'too_long', params: { maximum: 64 }, message: '…' }) // 'не длиннее 64 символов'
 */
function russian({ code, params }: FieldIssue): string {
  switch (code) {
    case 'required':
      return 'обязательное поле';
    case 'invalid_type':
      return RU_TYPES[text(params.expected)] ?? 'значение неверного типа';
    case 'not_integer':
      return 'должно быть целым числом';
    case 'too_short':
      return `не короче ${text(params.minimum)} символов`;
    case 'too_long':
      return `не длиннее ${text(params.maximum)} символов`;
    case 'too_few':
      return `не меньше ${text(params.minimum)} элементов`;
    case 'too_many':
      return `не больше ${text(params.maximum)} элементов`;
    case 'too_small':
      return `не меньше ${text(params.minimum)}`;
    case 'too_big':
      return `не больше ${text(params.maximum)}`;
    case 'invalid_enum':
      return `допустимые значения: ${text(params.values)}`;
    case 'invalid_format':
      return RU_FORMATS[text(params.format)] ?? 'неверный формат';
    case 'unknown_field':
      return 'неизвестное поле';
    case 'currency_mismatch':
      return 'сумма в другой валюте: все суммы претензии должны быть в одной валюте';
    case 'calendar_year_unknown':
      return 'на этот год нет производственного календаря';
    case 'calendar_unknown':
      return 'для этой страны нет производственного календаря';
    case 'policy_unknown':
      return 'такого перевозчика нет в справочнике';
    case 'filing_deadline_passed': {
      if (params.closedOn === undefined) return 'срок подачи претензии по этому отправлению истёк';
      const months = Number(params.months);
      const unit = pluralForm('ru', months, { one: 'месяца', other: 'месяцев' });
      return `срок подачи претензии истёк ${date(params.closedOn)}: перевозчик принимает претензии в течение ${months} ${unit} после отправки`;
    }
    case 'date_order':
      return `${date(params.date)} — раньше ${RU_DATES[text(params.other)] ?? text(params.other)} (${date(params.otherDate)})`;
    case 'in_the_future':
      return `это ещё не наступило: не позже ${date(params.latest)}`;
    case 'one_of':
      return `укажите ${field(params.field)} или ${field(params.other)}`;
    case 'not_both':
      return `укажите что-то одно: ${field(params.other)} или ${field(params.field)}`;
    case 'not_late': {
      const days = params.dayBasis === 'business' ? 'рабочего дня' : 'дня';
      return `обещано к ${date(params.promisedDate)}, на ${date(params.lateUntil)} нет ни одного ${days} просрочки: претендовать не на что`;
    }
    case 'evidence_limit':
      return `в претензии не больше ${text(params.maximum)} документов: уже ${text(params.current)}, ещё ${text(params.adding)} не поместятся`;
    case 'idempotency_key_reused':
      return 'этот ключ уже использован для другой претензии';
    case 'not_allowed':
      return 'недоступно для этого ключа';
    case 'check_digit':
      return 'неверное контрольное число';
    case 'control_character':
      return 'содержит управляющий символ (например, NUL, табуляцию или перевод строки)';
    // Remedies.
    case 'remedy_over_limit':
      return `больше, чем магазин может дать: не выше ${money(params.maximum)}`;
    case 'remedy_limits_unset':
      return 'магазин не указал свои пределы (скидка, подарок): такое предложение пока сделать нельзя';
    // Amounts a move states.
    case 'not_positive':
      return 'сумма должна быть больше нуля';
    case 'above_approved':
      return `больше одобренной суммы: можно не больше ${money(params.maximum)}`;
    case 'above_computed':
      return `больше расчётной суммы ${money(params.maximum)}: больше расчёта одобряют только с обоснованием превышения`;
    case 'below_computed':
      return `меньше расчётной суммы ${money(params.minimum)}: это частичное удовлетворение`;
    case 'missing_fact':
      return `у отправления нет ${RU_SHIPMENT_FACTS[text(params.field)] ?? text(params.field)}, без этого претензию не подать: дополните заказ`;
    default:
      return GENERIC;
  }
}

const GENERIC = 'недопустимое значение';

/**
 * What the desk shows beside a field for an issue, in the page's language.
 *
 * @example fieldErrorText('ru', { code: 'required', params: {}, message: 'is required' }) // 'обязательное поле'
 * @example fieldErrorText('en', { code: 'required', params: {}, message: 'is required' }) // 'is required'
 */
export function fieldErrorText(lang: Language, issue: FieldIssue): string {
  if (lang === 'en') return withAmounts('en', issue.message);
  const text = schemaRussian(issue.message) ?? russian(issue);
  // A rule with no Russian of its own yet still says why, in the API's words.
  return text === GENERIC ? `${GENERIC}: ${withAmounts('ru', issue.message)}` : text;
}

/** Amounts as the domain writes them in a message (`1000.00 RUB`). */
const AMOUNT = /\b\d+(?:\.\d+)? [A-Z]{3}\b/g;

/**
 * A message with each amount written for the language.
 *
 * @example withAmounts('en', 'at most the approved 1000.00 RUB') // 'at most the approved RUB 1,000.00'
 */
export const withAmounts = (lang: Language, message: string): string =>
  message.replace(AMOUNT, (amount) => String(formatParam(lang, amount)));
