/** Texts of the audit pages (a carrier report audited row by row), both languages. */
import type { AuditFinding } from '../../domain/audit/types';
import type { AuditStatus } from '../../domain/audit/view';
import { countOf, type PluralForms } from '../../format';
import type { Language } from './lang';

const ROWS_EN: PluralForms = { one: 'row', other: 'rows' };
const CLAIMS_EN: PluralForms = { one: 'claim', other: 'claims' };

const en = {
  nav: 'Audits',
  title: 'Carrier report audits',
  intro:
    'Upload a carrier’s report (CSV: our template, or the way Russian Excel saves it, UTF-8 or windows-1251): every row is checked for late delivery, loss and weight overcharge, with the deadline to file each amount.',
  shop: 'Shop',
  chooseShop: 'Choose a shop',
  showShop: 'Show its audits',
  noShops: 'No shop has an active API key yet.',
  listCaption: (n: number) => `Audits on this page: ${n}`,
  empty: 'No audit for this shop yet.',
  next: 'Next page',
  pages: 'Pages',
  badCursor: 'The page link was out of date: this is the first page.',
  uploadTitle: 'Audit a report',
  file: 'Report file (CSV)',
  fileHint: 'Up to 50 MB. An Excel workbook: save it as CSV first.',
  carrier: 'Carrier',
  carrierHint: 'For rows without a carrier column.',
  tolerance: 'Weight tolerance, %',
  toleranceHint:
    'A charged weight above the parcel’s chargeable weight by more than this is an overcharge.',
  columns: 'Column mapping (optional)',
  columnsHint:
    'For headers we do not recognise: a JSON object, our field → the header as written, e.g. {"waybill": "Накладная №"}.',
  upload: 'Upload and audit',
  refused: 'The report was not accepted',
  created: 'Started',
  fileName: 'File',
  status: 'Status',
  statuses: {
    processing: 'Processing',
    completed: 'Completed',
    failed: 'Failed',
  } satisfies Record<AuditStatus, string>,
  rowsRead: 'Rows read',
  auditTitle: (name: string) => `Audit of ${name}`,
  unnamed: 'an uploaded report',
  progress: 'Progress',
  progressText: (percent: number, rows: number) =>
    `${percent} % read, ${countOf('en', rows, ROWS_EN)} so far`,
  progressHint: 'The page brings itself up to date while the file is read.',
  failure: 'The file could not be audited',
  encoding: 'Encoding',
  rowCounts: (read: number, audited: number, refused: number) =>
    `${countOf('en', read, ROWS_EN)} read: ${audited} audited, ${refused} refused.`,
  totalsTitle: 'What the carrier owes',
  totalsChart: 'Amount found per finding and carrier',
  totalsCaption: 'Totals per finding and carrier',
  noTotals: 'Nothing owed was found in this report.',
  finding: 'Finding',
  findings: {
    late: 'Late',
    lost: 'Lost',
    overcharge: 'Overcharge',
    refused: 'Refused rows',
  } satisfies Record<AuditFinding, string>,
  allRows: 'All rows',
  count: 'Rows',
  amount: 'Amount',
  owedCount: 'Still owed',
  owedAmount: 'Owed amount',
  fileBy: 'File by',
  none: '—',
  rowsTitle: 'Rows',
  filters: 'Show rows',
  rowsCaption: (n: number) => `Rows on this page: ${n}`,
  rowsEmpty: 'No row on this page.',
  line: 'Line',
  waybill: 'Waybill',
  orderId: 'Order',
  what: 'Findings',
  expired: 'expired',
  claimed: (id: string) => `already claimed (${id})`,
  problems: 'Problems',
  column: 'column',
  nothingOwed: 'Nothing owed.',
  csv: 'Download these rows as CSV (Excel)',
  fileAllTitle: 'File claims',
  fileAllIntro:
    'Files a claim for every late or lost row still owed (an overcharge is not a claim type: dispute it with the carrier). Filing twice files nothing twice.',
  fileAll: 'File all…',
  willFile: (count: number, sums: string) =>
    `${countOf('en', count, CLAIMS_EN)} for ${sums} will be filed.`,
  nothingToFile: 'Nothing left to file.',
  confirm: 'Confirm: file them',
  cancel: 'Cancel',
  filingTitle: 'Filing',
  filingStatus: { filing: 'Filing…', done: 'Done' },
  filingCounts: (f: { requested: number; filed: number; skipped: number; failed: number }) =>
    `Requested ${f.requested}: ${f.filed} filed, ${f.skipped} skipped, ${f.failed} failed.`,
  notYet: 'The rows can be filed once the file is read.',
};

export type AuditMessages = typeof en;

const ROWS_RU: PluralForms = { one: 'строка', few: 'строки', many: 'строк', other: 'строки' };
const CLAIMS_RU: PluralForms = {
  one: 'претензия',
  few: 'претензии',
  many: 'претензий',
  other: 'претензии',
};

const ru: AuditMessages = {
  nav: 'Аудит',
  title: 'Аудит отчётов перевозчика',
  intro:
    'Загрузите отчёт перевозчика (CSV: наш шаблон или как его сохраняет Excel, UTF-8 или windows-1251): каждая строка проверяется на просрочку, утрату и завышение веса, со сроком подачи претензии по каждой сумме.',
  shop: 'Магазин',
  chooseShop: 'Выберите магазин',
  showShop: 'Показать его аудиты',
  noShops: 'Ни у одного магазина пока нет действующего API-ключа.',
  listCaption: (n) => `Аудитов на странице: ${n}`,
  empty: 'У этого магазина аудитов пока нет.',
  next: 'Следующая страница',
  pages: 'Страницы',
  badCursor: 'Ссылка на страницу устарела: это первая страница.',
  uploadTitle: 'Проверить отчёт',
  file: 'Файл отчёта (CSV)',
  fileHint: 'До 50 МБ. Книгу Excel сначала сохраните как CSV.',
  carrier: 'Перевозчик',
  carrierHint: 'Для строк без столбца перевозчика.',
  tolerance: 'Допуск по весу, %',
  toleranceHint:
    'Если оплаченный вес превышает расчётный вес посылки больше чем на допуск, это переплата.',
  columns: 'Соответствие столбцов (необязательно)',
  columnsHint:
    'Для заголовков, которые мы не узнаём: объект JSON, наше поле → заголовок в файле, например {"waybill": "Накладная №"}.',
  upload: 'Загрузить и проверить',
  refused: 'Отчёт не принят',
  created: 'Начат',
  fileName: 'Файл',
  status: 'Состояние',
  statuses: { processing: 'Обрабатывается', completed: 'Готов', failed: 'Ошибка' },
  rowsRead: 'Прочитано строк',
  auditTitle: (name) => `Аудит: ${name}`,
  unnamed: 'загруженный отчёт',
  progress: 'Ход обработки',
  progressText: (percent, rows) => `Прочитано ${percent} %, пока ${countOf('ru', rows, ROWS_RU)}`,
  progressHint: 'Страница обновляется сама, пока файл читается.',
  failure: 'Файл не удалось проверить',
  encoding: 'Кодировка',
  rowCounts: (read, audited, refused) =>
    `Прочитано: ${countOf('ru', read, ROWS_RU)}; проверено ${audited}, отклонено ${refused}.`,
  totalsTitle: 'Что должен перевозчик',
  totalsChart: 'Найденные суммы по видам и перевозчикам',
  totalsCaption: 'Итоги по видам и перевозчикам',
  noTotals: 'В этом отчёте долгов перевозчика не найдено.',
  finding: 'Что найдено',
  findings: {
    late: 'Просрочка',
    lost: 'Утрата',
    overcharge: 'Переплата за вес',
    refused: 'Отклонённые строки',
  },
  allRows: 'Все строки',
  count: 'Строк',
  amount: 'Сумма',
  owedCount: 'Ещё можно подать',
  owedAmount: 'Сумма к подаче',
  fileBy: 'Подать до',
  none: '—',
  rowsTitle: 'Строки',
  filters: 'Показать строки',
  rowsCaption: (n) => `Строк на странице: ${n}`,
  rowsEmpty: 'На этой странице строк нет.',
  line: 'Строка',
  waybill: 'Накладная',
  orderId: 'Заказ',
  what: 'Что найдено',
  expired: 'срок истёк',
  claimed: (id) => `претензия уже подана (${id})`,
  problems: 'Ошибки',
  column: 'столбец',
  nothingOwed: 'Ничего не причитается.',
  csv: 'Скачать эти строки в CSV (Excel)',
  fileAllTitle: 'Подать претензии',
  fileAllIntro:
    'Подаёт претензию по каждой строке с просрочкой или утратой, которую ещё можно подать (переплата за вес — не вид претензии: её оспаривают у перевозчика). Повторная подача ничего не подаёт дважды.',
  fileAll: 'Подать все…',
  willFile: (count, sums) => `Будет подано: ${countOf('ru', count, CLAIMS_RU)} на ${sums}.`,
  nothingToFile: 'Подавать больше нечего.',
  confirm: 'Подтвердить подачу',
  cancel: 'Отмена',
  filingTitle: 'Подача',
  filingStatus: { filing: 'Подаётся…', done: 'Готово' },
  filingCounts: (f) =>
    `Запрошено ${f.requested}: подано ${f.filed}, пропущено ${f.skipped}, с ошибкой ${f.failed}.`,
  notYet: 'Строки можно будет подать, когда файл будет прочитан.',
};

/** @example auditsFor('ru').nav // 'Аудит' */
export const auditsFor = (lang: Language): AuditMessages => (lang === 'ru' ? ru : en);
