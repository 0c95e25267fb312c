/** Texts of the clerk's casework: assign to me, notes, the queue's search, tabs and order. */
import { countOf, pluralForm } from '../../format';
import type { Language } from './lang';

const DAYS_EN = { one: 'day', other: 'days' };

const en = {
  assignee: 'Who works on it',
  nobody: 'Nobody has taken this claim.',
  assignedTo: (name: string) => `Assigned to ${name}.`,
  you: ' (you)',
  assignToMe: 'Assign to me',
  unassign: 'Unassign',
  assigned: 'The claim is assigned to you.',
  unassigned: 'The claim is unassigned.',
  noted: 'The note is added.',
  notes: 'Internal notes',
  notesHint: 'For the claims desk only: the shop never sees them.',
  noNotes: 'No notes yet.',
  noteText: 'New note',
  noteError: 'Write 1 to 2000 characters.',
  addNote: 'Add the note',
  search: 'Search',
  searchHint:
    'A claim id, the start of the customer’s name, the end of their phone number, the start of the order id or of the waybill.',
  searchIn: 'Search in',
  searchAnywhere: 'Wherever it fits',
  searchFields: {
    name: 'Customer name',
    phone: 'Phone',
    orderId: 'Order id',
    waybill: 'Waybill',
    id: 'Claim id',
  },
  mine: 'Only claims assigned to me',
  tabs: 'Claims by status',
  allStatuses: 'All',
  countsAsOf: (at: string) => `Counts as of ${at}: a change may take a few seconds to show.`,
  sortedBy: (what: string) => `Sorted by ${what}.`,
  sortNames: {
    newest: 'filing date, newest first',
    oldest: 'filing date, oldest first',
    due: 'answer due date, soonest first (open claims only)',
    due_latest: 'answer due date, latest first (open claims only)',
    search: 'the searched field, A to Z',
  },
  sortBy: (column: string) => `Sort by ${column}`,
  assigneeColumn: 'Assigned to',
  daysColumn: 'Days left',
  daysLeft: (n: number) => (n === 0 ? 'due today' : `${countOf('en', n, DAYS_EN)} left`),
  /** The queue's "Days left" cell: the count alone, the header says the rest. */
  daysLeftShort: (n: number) => (n === 0 ? 'today' : countOf('en', n, DAYS_EN)),
  daysOverdue: (n: number) => `${countOf('en', n, DAYS_EN)} overdue`,
};

export type CaseworkMessages = typeof en;

/** 1 день, 2 дня, 5 дней, 21 день. */
const days = (n: number) =>
  countOf('ru', n, { one: 'день', few: 'дня', many: 'дней', other: 'дня' });

const ru: CaseworkMessages = {
  assignee: 'Кто занимается',
  nobody: 'Претензию пока никто не взял.',
  assignedTo: (name: string) => `Занимается: ${name}.`,
  you: ' (вы)',
  assignToMe: 'Взять себе',
  unassign: 'Снять с себя',
  assigned: 'Претензия закреплена за вами.',
  unassigned: 'Претензия ни за кем не закреплена.',
  noted: 'Заметка добавлена.',
  notes: 'Внутренние заметки',
  notesHint: 'Только для отдела претензий: магазин их не видит.',
  noNotes: 'Заметок пока нет.',
  noteText: 'Новая заметка',
  noteError: 'Напишите от 1 до 2000 знаков.',
  addNote: 'Добавить заметку',
  search: 'Поиск',
  searchHint:
    'Номер претензии, начало имени клиента, последние цифры телефона, начало номера заказа или накладной.',
  searchIn: 'Где искать',
  searchAnywhere: 'Везде, где подходит',
  searchFields: {
    name: 'Имя клиента',
    phone: 'Телефон',
    orderId: 'Номер заказа',
    waybill: 'Накладная',
    id: 'Номер претензии',
  },
  mine: 'Только закреплённые за мной',
  tabs: 'Претензии по статусам',
  allStatuses: 'Все',
  countsAsOf: (at: string) =>
    `Счётчики на ${at}: изменение может появиться через несколько секунд.`,
  sortedBy: (what: string) => `Порядок: ${what}.`,
  sortNames: {
    newest: 'по дате подачи, сначала новые',
    oldest: 'по дате подачи, сначала старые',
    due: 'по сроку ответа, сначала ближайшие (только открытые)',
    due_latest: 'по сроку ответа, сначала поздние (только открытые)',
    search: 'по найденному полю, от А до Я',
  },
  sortBy: (column: string) => `Сортировать: ${column}`,
  assigneeColumn: 'Кто занимается',
  daysColumn: 'Осталось',
  // «остался 1 день», «осталось 2 дня»: the verb agrees with the count too.
  daysLeft: (n: number) =>
    n === 0
      ? 'срок сегодня'
      : `${pluralForm('ru', n, { one: 'остался', other: 'осталось' })} ${days(n)}`,
  daysLeftShort: (n: number) => (n === 0 ? 'сегодня' : days(n)),
  daysOverdue: (n: number) => `просрочено на ${days(n)}`,
};

/** @example caseworkFor('ru').assignToMe // 'Взять себе' */
export const caseworkFor = (lang: Language): CaseworkMessages => (lang === 'ru' ? ru : en);
