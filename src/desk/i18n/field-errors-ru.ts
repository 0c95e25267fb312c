/**
 * Field errors in Russian, by the API's stable code (`errors[].code`) and its params: what
 * the desk says beside a field on a Russian page. The words are in ./field-errors-words-ru.ts.
 */
import type { FieldIssue, FieldParams } from '../../http/field-issues';
import { countOf, formatDate, pluralForm, type PluralForms } from '../../format';
import { formatParam } from './lines';
import { RU_DATES, RU_FIELDS, RU_FORMATS, RU_TYPES } from './field-errors-words-ru';

const text = (value: FieldParams[string] | undefined) =>
  Array.isArray(value) ? value.join(', ') : String(value ?? '');
const date = (value: FieldParams[string] | undefined) => formatDate('ru', text(value));
const field = (value: FieldParams[string] | undefined) => RU_FIELDS[text(value)] ?? text(value);
/** An amount param (`1000.00 RUB`, as the domain writes it) the Russian way: «1 000,00 ₽». */
const money = (value: FieldParams[string] | undefined) => String(formatParam('ru', text(value)));

/** A count after «не короче», «не больше»: genitive, «1 символа», «5 символов». */
const genitive = (one: string, many: string): PluralForms => ({ one, other: many });
const CHARACTERS = genitive('символа', 'символов');
const ITEMS = genitive('элемента', 'элементов');
const DOCUMENTS = genitive('документа', 'документов');
const count = (value: FieldParams[string] | undefined, forms: PluralForms) =>
  countOf('ru', Number(text(value)), forms);

/** Facts a shipment may lack for a claim, as a Russian sentence names them (genitive). */
const RU_SHIPMENT_FACTS: Readonly<Record<string, string>> = {
  waybill: 'номера накладной',
  shippedDate: 'даты отправки',
};

/**
 * The Russian of a code with its params.
 *
 * @example russianFieldError({ code: 'too_long', params: { maximum: 64 }, message: '…' }) // 'не длиннее 64 символов'
 */
export function russianFieldError({ code, params }: FieldIssue): string {
  switch (code) {
    case 'required':
      return 'обязательное поле';
    case 'invalid_type':
      return RU_TYPES[text(params.expected)] ?? 'значение неверного типа';
    case 'not_integer':
      return 'должно быть целым числом';
    case 'too_short':
      return `не короче ${count(params.minimum, CHARACTERS)}`;
    case 'too_long':
      return `не длиннее ${count(params.maximum, CHARACTERS)}`;
    case 'too_few':
      return `не меньше ${count(params.minimum, ITEMS)}`;
    case 'too_many':
      return `не больше ${count(params.maximum, ITEMS)}`;
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
    case 'evidence_limit': {
      const fit = pluralForm('ru', Number(params.adding), {
        one: 'поместится',
        other: 'поместятся',
      });
      return `в претензии не больше ${count(params.maximum, DOCUMENTS)}: уже ${text(params.current)}, ещё ${text(params.adding)} не ${fit}`;
    }
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
      return GENERIC_RU;
  }
}

export const GENERIC_RU = 'недопустимое значение';
