/**
 * The Russian words field errors are made of: the request schemas' own messages (translated
 * by their English text, as a catalogue), and how a Russian sentence names each field, date,
 * type and format. src/desk/i18n/field-errors-ru.ts writes the sentences.
 */

/** Russian of the messages written on the request schemas, by their English. */
export const RU_SCHEMA_MESSAGES: Readonly<Record<string, string>> = {
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
export const RU_SCHEMA_PATTERNS: readonly [RegExp, string][] = [
  [
    /^has (\d+) decimals; (?:\S+ )?allows at most (\d+)$/,
    'знаков в дробной части: $1; можно не больше $2',
  ],
  [
    /^has (\d+) digits before the point; at most (\d+) allowed$/,
    'цифр в целой части: $1; можно не больше $2',
  ],
];

export const schemaRussian = (message: string): string | undefined => {
  const known = RU_SCHEMA_MESSAGES[message];
  if (known) return known;
  const pattern = RU_SCHEMA_PATTERNS.find(([english]) => english.test(message));
  return pattern && message.replace(pattern[0], pattern[1]);
};

/** Date fields as a Russian message names them (genitive: «раньше даты отправки»). */
export const RU_DATES: Readonly<Record<string, string>> = {
  shippedDate: 'даты отправки',
  promisedDate: 'обещанной даты доставки',
  deliveredDate: 'даты доставки',
  asOf: 'даты, на которую посылка не доставлена',
  // Starts of what a reported date belongs to (src/domain/happened.ts).
  placedAt: 'даты заказа',
  createdAt: 'даты подачи претензии',
};

/** Fields as a Russian request names them (accusative: «укажите дату доставки»). */
export const RU_FIELDS: Readonly<Record<string, string>> = {
  promisedDate: 'обещанную дату доставки',
  transitBusinessDays: 'срок в пути',
  deliveredDate: 'дату доставки',
  asOf: 'дату, на которую посылка ещё не доставлена',
  // Remedies.
  value: 'сумму',
  percent: 'процент',
};

export const RU_TYPES: Readonly<Record<string, string>> = {
  string: 'должно быть строкой',
  number: 'должно быть числом',
  boolean: 'должно быть «да» или «нет»',
  object: 'должно быть объектом',
  array: 'должно быть списком',
};

export const RU_FORMATS: Readonly<Record<string, string>> = {
  email: 'должен быть адресом электронной почты',
  url: 'должна быть ссылкой',
  date: 'должна быть датой в виде ГГГГ-ММ-ДД',
  // The desk's money fields (src/desk/forms/money-input.ts).
  amount:
    'не похоже на сумму: пишите цифры, дробную часть — после запятой или точки, тысячи можно отделить пробелами, например 1 234,50',
  ambiguous_amount:
    'и запятая, и точка (или одна из них дважды): сумму можно прочесть двояко. Дробную часть отделите одним знаком, запятой или точкой, а тысячи — пробелами, например 1 234,50',
};
