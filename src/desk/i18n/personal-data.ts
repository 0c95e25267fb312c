/** Texts of the desk's personal-data pages: the acts, the erasure form, the printable act. */
import type { ErasedRecordKind, ErasureAction, ErasureCategory } from '../../domain/personal-data';
import type { Language } from './lang';

type Category = ErasureCategory;
type Action = ErasureAction;
type Kind = ErasedRecordKind;
type By = 'phone' | 'email' | 'claimId' | 'orderId';

const en = {
  nav: 'Personal data',
  title: 'Personal data: erasures',
  shopLegend: 'Shop',
  shopLabel: 'Shop',
  show: 'Show',
  chooseShop: 'Choose the shop whose customers’ data to see or erase.',
  retention: (days: number, isDefault: boolean) =>
    `Kept ${days} days after a claim or an order is settled${isDefault ? ' (the default: the shop has set none)' : ''}, then erased with an act.`,
  actsHeading: 'Destruction acts',
  noActs: 'No personal data of this shop’s customers has been erased yet.',
  more: 'Older acts',
  columns: { at: 'When', ref: 'Whose', records: 'Records', instruction: 'On whose instruction' },
  eraseHeading: 'Erase on the shop’s instruction',
  eraseHint:
    'For a customer’s demand the shop passed on to you. Name the person one way: every claim, order and customer message of theirs in this shop is overwritten, for good.',
  byLabel: 'Find the person by',
  by: { phone: 'Phone', email: 'E-mail', claimId: 'Claim id', orderId: 'Order id' } as Record<
    By,
    string
  >,
  valueLabel: 'Phone, e-mail or id',
  next: 'Continue',
  confirmTitle: 'Erase this person’s personal data?',
  confirmText: (shop: string) =>
    `Every claim, order and customer message of this person in ${shop} will have the name, phone, e-mail and the customer’s own words overwritten. This cannot be undone. Ids, dates, statuses and money stay.`,
  confirmWho: (by: string) => `Found by ${by.toLowerCase()}`,
  confirm: 'Erase for good',
  cancel: 'Back',
  invalid: 'Enter a valid phone, e-mail, claim id (clm_…) or order id.',
  notFound: 'The shop has no claim or order with that id.',
  erased: 'Erased. The act below is the shop’s proof.',
  recordsCount: (claims: number, orders: number, messages: number) =>
    `${claims} claims, ${orders} orders, ${messages} messages`,
  instruction: (kind: 'request' | 'retention', retainDays?: number) =>
    kind === 'request'
      ? 'The shop’s request'
      : `The shop’s retention period (${retainDays ?? ''} days)`,
  // The act.
  actTitle: (id: string) => `Act of destruction of personal data ${id}`,
  actHeading: 'Act of destruction of personal data',
  toolbar: 'The act',
  back: 'Back to the acts',
  otherLanguage: 'Русская версия',
  print: 'Print',
  printHint: 'Print with your browser’s Print command (Ctrl+P).',
  operator: 'Operator',
  inn: 'INN',
  processor: 'Processor',
  processorName: 'Parcel Claims service, on the operator’s instruction (152-FZ, art. 6 part 3)',
  subject: 'Whose (pseudonymous reference)',
  categories: 'Categories of personal data',
  category: {
    name: 'full name',
    phone: 'phone number',
    email: 'e-mail address',
    customer_text: 'text written by the customer',
  } as Record<Category, string>,
  none: 'none found',
  records: 'Records',
  kind: { claim: 'Claim', order: 'Order', message: 'Message', webhook_event: 'Event' } as Record<
    Kind,
    string
  >,
  noRecords: 'The shop holds no records of this person.',
  when: 'When',
  started: 'Started',
  completed: 'Completed',
  running: 'In progress: ask for the same person again to complete it.',
  how: 'How',
  method: 'Overwritten in place with tombstones; index entries deleted. Not recoverable.',
  onWhose: 'On whose instruction',
  requestBy: (role: 'shop' | 'clerk', keyId: string) =>
    role === 'shop'
      ? `The operator’s request, sent with its API key ${keyId}`
      : `The operator’s request, passed on by the claims desk (${keyId})`,
  basis: 'Basis: Federal Law No. 152-FZ, art. 21; Roskomnadzor order No. 179 of 28.10.2022.',
  logHeading: 'Extract from the system’s event log',
  logColumns: { at: 'Time', action: 'Action', record: 'Record', actor: 'By' },
  action: {
    erasure_started: 'erasure started',
    overwritten: 'record overwritten',
    index_entries_deleted: 'index entries deleted',
    webhook_event_overwritten: 'recorded event overwritten',
    erasure_completed: 'erasure completed',
  } as Record<Action, string>,
  signature: 'Signed',
  // The claim page.
  claimErased: (when: string) => `Personal data erased on ${when}`,
  act: 'act',
};

const ru: typeof en = {
  nav: 'Персональные данные',
  title: 'Персональные данные: уничтожение',
  shopLegend: 'Магазин',
  shopLabel: 'Магазин',
  show: 'Показать',
  chooseShop: 'Выберите магазин, данные покупателей которого нужно посмотреть или уничтожить.',
  retention: (days: number, isDefault: boolean) =>
    `Хранятся ${days} дн. после завершения претензии или заказа${isDefault ? ' (по умолчанию: магазин срок не задал)' : ''}, затем уничтожаются с актом.`,
  actsHeading: 'Акты об уничтожении',
  noActs: 'Персональные данные покупателей этого магазина ещё не уничтожались.',
  more: 'Более ранние акты',
  columns: { at: 'Когда', ref: 'Чьи', records: 'Записи', instruction: 'По чьему поручению' },
  eraseHeading: 'Уничтожить по поручению магазина',
  eraseHint:
    'Для требования покупателя, переданного магазином. Укажите человека одним способом: все его претензии, заказы и сообщения в этом магазине будут перезаписаны безвозвратно.',
  byLabel: 'Найти человека по',
  by: { phone: 'Телефон', email: 'E-mail', claimId: 'Номер претензии', orderId: 'Номер заказа' },
  valueLabel: 'Телефон, e-mail или номер',
  next: 'Продолжить',
  confirmTitle: 'Уничтожить персональные данные этого человека?',
  confirmText: (shop: string) =>
    `Во всех претензиях, заказах и сообщениях этого человека в магазине ${shop} имя, телефон, e-mail и текст покупателя будут перезаписаны. Отменить нельзя. Номера, даты, статусы и суммы останутся.`,
  confirmWho: (by: string) => `Поиск: ${by.toLowerCase()}`,
  confirm: 'Уничтожить',
  cancel: 'Назад',
  invalid: 'Введите телефон, e-mail, номер претензии (clm_…) или номер заказа.',
  notFound: 'У магазина нет претензии или заказа с таким номером.',
  erased: 'Уничтожено. Акт ниже подтверждает это для магазина.',
  recordsCount: (claims: number, orders: number, messages: number) =>
    `претензий: ${claims}, заказов: ${orders}, сообщений: ${messages}`,
  instruction: (kind: 'request' | 'retention', retainDays?: number) =>
    kind === 'request'
      ? 'Запрос магазина'
      : `Истёк срок хранения магазина (${retainDays ?? ''} дн.)`,
  actTitle: (id: string) => `Акт об уничтожении персональных данных ${id}`,
  actHeading: 'Акт об уничтожении персональных данных',
  toolbar: 'Акт',
  back: 'К актам',
  otherLanguage: 'English version',
  print: 'Печать',
  printHint: 'Напечатайте командой «Печать» браузера (Ctrl+P).',
  operator: 'Оператор',
  inn: 'ИНН',
  processor: 'Обработчик',
  processorName: 'Сервис Parcel Claims, по поручению оператора (152-ФЗ, ст. 6 ч. 3)',
  subject: 'Чьи (псевдонимизированный идентификатор)',
  categories: 'Категории персональных данных',
  category: {
    name: 'фамилия, имя, отчество',
    phone: 'номер телефона',
    email: 'адрес электронной почты',
    customer_text: 'текст, написанный покупателем',
  },
  none: 'не найдены',
  records: 'Записи',
  kind: { claim: 'Претензия', order: 'Заказ', message: 'Сообщение', webhook_event: 'Событие' },
  noRecords: 'У магазина нет записей об этом человеке.',
  when: 'Когда',
  started: 'Начато',
  completed: 'Завершено',
  running: 'Выполняется: запросите уничтожение по тому же человеку ещё раз, чтобы завершить.',
  how: 'Способ',
  method: 'Перезапись на месте заглушками; записи индексов удалены. Восстановление невозможно.',
  onWhose: 'По чьему поручению',
  requestBy: (role: 'shop' | 'clerk', keyId: string) =>
    role === 'shop'
      ? `Запрос оператора, направленный с его ключом API ${keyId}`
      : `Запрос оператора, переданный через отдел претензий (${keyId})`,
  basis: 'Основание: Федеральный закон № 152-ФЗ, ст. 21; приказ Роскомнадзора № 179 от 28.10.2022.',
  logHeading: 'Выгрузка из журнала регистрации событий',
  logColumns: { at: 'Время', action: 'Действие', record: 'Запись', actor: 'Кто' },
  action: {
    erasure_started: 'уничтожение начато',
    overwritten: 'запись перезаписана',
    index_entries_deleted: 'записи индексов удалены',
    webhook_event_overwritten: 'сохранённое событие перезаписано',
    erasure_completed: 'уничтожение завершено',
  },
  signature: 'Подпись',
  claimErased: (when: string) => `Персональные данные уничтожены ${when}`,
  act: 'акт',
};

/** The personal-data texts for a language. */
export const personalDataFor = (lang: Language): typeof en => (lang === 'ru' ? ru : en);
