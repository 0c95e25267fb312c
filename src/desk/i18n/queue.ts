/** Texts of the claims queue. */
import type { Language } from './lang';

const en = {
  title: 'Claims queue',
  filters: 'Find claims',
  waybill: 'Waybill',
  waybillHint: 'The exact waybill number.',
  status: 'Status',
  type: 'Type',
  carrier: 'Carrier',
  shop: 'Shop id',
  anyValue: 'Any',
  overdueOnly: 'Only overdue claims',
  overdueHint: 'Open, and the answer date has passed.',
  customer: 'Customer',
  sort: 'Order',
  sortNewest: 'Newest first',
  sortDue: 'By answer due date (open claims only, latest date first)',
  apply: 'Show claims',
  reset: 'Clear the filters',
  caption: (count: number) => `Claims on this page: ${count}`,
  empty: 'No claim matches these filters.',
  filed: 'Filed',
  answerDue: 'Answer due by',
  amount: 'Computed amount',
  overdue: 'Overdue',
  pages: 'Pages',
  next: 'Next page',
  first: 'First page',
  badCursor: 'That page link is no longer valid for these filters; showing the first page.',
  badQuery: 'Some filters were not valid and were ignored:',
};

export type QueueMessages = typeof en;

const ru: QueueMessages = {
  title: 'Очередь претензий',
  filters: 'Поиск претензий',
  waybill: 'Накладная',
  waybillHint: 'Номер накладной полностью.',
  status: 'Статус',
  type: 'Вид',
  carrier: 'Перевозчик',
  shop: 'Магазин (id)',
  anyValue: 'Любой',
  overdueOnly: 'Только просроченные',
  overdueHint: 'Открытые, срок ответа прошёл.',
  customer: 'Клиент',
  sort: 'Порядок',
  sortNewest: 'Сначала новые',
  sortDue: 'По сроку ответа (только открытые, сначала поздние сроки)',
  apply: 'Показать',
  reset: 'Сбросить фильтры',
  caption: (count: number) => `Претензий на странице: ${count}`,
  empty: 'Претензий с такими условиями нет.',
  filed: 'Подана',
  answerDue: 'Ответ до',
  amount: 'Расчётная сумма',
  overdue: 'Просрочена',
  pages: 'Страницы',
  next: 'Следующая страница',
  first: 'Первая страница',
  badCursor: 'Ссылка на страницу больше не подходит к этим фильтрам; показана первая страница.',
  badQuery: 'Некоторые фильтры заданы неверно и не применены:',
};

/** @example queueFor('ru').title // 'Очередь претензий' */
export const queueFor = (lang: Language): QueueMessages => (lang === 'ru' ? ru : en);
