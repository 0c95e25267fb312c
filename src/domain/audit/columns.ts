/**
 * Which column of a carrier report is which field: our template's names, the Russian headers
 * shops and Excel write, and the field names of CDEK's order data, all matched after
 * normalising (case, ё/е, spaces, punctuation, NBSP, BOM), so "Дата  отправки", "дата
 * отправки:" and "ДАТА ОТПРАВКИ" are one header. Any other header maps through `columns`.
 */
import type { CsvRecord } from './csv';
import { AUDIT_FIELDS, type AuditField, type RowProblem } from './types';

/**
 * One field's column: its index in a record, its header as written (for problems), and `unit`
 * 'g' when the column gives grams (CDEK's API reports weights in grams).
 * @example { index: 3, header: 'Дата отправки' }
 */
export interface MappedColumn {
  index: number;
  header: string;
  unit?: 'g';
}

/** The header's reading, JSON-serialisable (kept with an audit between chunks). @example { fields: { waybill: { index: 0, header: 'Номер накладной' } } } */
export interface HeaderMapping {
  fields: Partial<Record<AuditField, MappedColumn>>;
}

/** Our template's header line, in order: the spec and the README show it. @example AUDIT_TEMPLATE_COLUMNS[0] // 'waybill' */
export const AUDIT_TEMPLATE_COLUMNS: readonly AuditField[] = AUDIT_FIELDS;

/** A header name a field is known by, and the unit its numbers are in when not ours. */
type KnownHeader = string | { header: string; unit: 'g' };

/**
 * Russian headers, as shops and Excel templates write them (the units are ours: kg, cm, the
 * currency's unit, business days).
 * @example RUSSIAN_HEADERS.shippedDate // ['Дата отправки', …]
 */
export const RUSSIAN_HEADERS: Readonly<Record<AuditField, readonly KnownHeader[]>> = {
  waybill: ['Номер накладной', 'Трек-номер', 'Трек номер', 'Накладная', 'Номер отправления'],
  orderId: ['Номер заказа', 'Номер заказа ИМ', 'Номер заказа магазина'],
  carrier: ['Перевозчик', 'Служба доставки'],
  shippedDate: ['Дата отправки', 'Дата отправления', 'Дата приёма'],
  promisedDate: ['Плановая дата доставки', 'Планируемая дата доставки', 'Плановая дата вручения'],
  transitBusinessDays: [
    'Срок доставки (раб. дн.)',
    'Срок доставки, раб. дн.',
    'Срок доставки (рабочих дней)',
    'Срок доставки',
  ],
  deliveredDate: ['Дата доставки', 'Дата вручения', 'Фактическая дата доставки'],
  status: ['Статус', 'Статус отправления', 'Статус заказа'],
  deliveryCost: ['Стоимость доставки', 'Стоимость доставки, руб.'],
  declaredValue: ['Объявленная стоимость', 'Оценочная стоимость'],
  insured: ['Страховка', 'Застраховано', 'Страхование'],
  lengthCm: ['Длина, см', 'Длина'],
  widthCm: ['Ширина, см', 'Ширина'],
  heightCm: ['Высота, см', 'Высота'],
  weightKg: ['Вес, кг', 'Вес', 'Фактический вес', { header: 'Вес, г', unit: 'g' }],
  chargedWeightKg: [
    'Расчётный вес',
    'Расчётный вес, кг',
    'Оплачиваемый вес',
    { header: 'Расчётный вес, г', unit: 'g' },
  ],
  chargedAmount: ['Сумма к оплате', 'Итого к оплате', 'К оплате'],
  destinationCountry: ['Страна получателя', 'Страна назначения'],
};

/**
 * CDEK's order data as its API v2 names it ("Информация о заказе", https://api-docs.cdek.ru/;
 * a shop's export from the API keeps these names): `cdek_number` the waybill, `number` the
 * shop's order, `date_invoice` the shipping date, `delivery_date` the delivery,
 * `delivery_detail.delivery_sum` and `.total_sum` the cost and the sum charged, the package's
 * `length` `width` `height` (cm) and `weight`, `weight_calc` (grams), `to_location.country_code`.
 * Their Russian labels in the same documentation ("Номер заказа СДЭК", "Номер заказа ИМ", …)
 * map too.
 * @example CDEK_REPORT_HEADERS.waybill // ['cdek_number', 'Номер заказа СДЭК', …]
 */
export const CDEK_REPORT_HEADERS: Readonly<Partial<Record<AuditField, readonly KnownHeader[]>>> = {
  waybill: ['cdek_number', 'Номер заказа СДЭК', 'Номер СДЭК', 'Номер отправления СДЭК'],
  orderId: ['number', 'Номер отправления ИМ', 'Номер заказа в ИС клиента'],
  shippedDate: ['date_invoice', 'Дата инвойса', 'Дата создания заказа'],
  deliveredDate: ['delivery_date', 'Дата вручения заказа'],
  status: ['status', 'Статус заказа СДЭК'],
  deliveryCost: ['delivery_sum', 'delivery_detail.delivery_sum', 'Стоимость услуги доставки'],
  chargedAmount: ['total_sum', 'delivery_detail.total_sum', 'Итоговая стоимость заказа'],
  lengthCm: ['length', 'packages.length'],
  widthCm: ['width', 'packages.width'],
  heightCm: ['height', 'packages.height'],
  weightKg: [
    { header: 'weight', unit: 'g' },
    { header: 'packages.weight', unit: 'g' },
    { header: 'Общий вес (в граммах)', unit: 'g' },
  ],
  chargedWeightKg: [
    { header: 'weight_calc', unit: 'g' },
    { header: 'packages.weight_calc', unit: 'g' },
    { header: 'Расчетный вес (в граммах)', unit: 'g' },
  ],
  destinationCountry: ['to_location.country_code', 'country_code', 'Код страны получателя'],
};

/**
 * A header as compared: lower case, ё as е, only letters and digits (spaces, punctuation,
 * NBSP, a BOM and underscores all go), so `shipped_date` is `shippedDate` too.
 * @example normalizeHeader('\uFEFFДлина,\u00A0см') // 'длинасм'
 */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Every known header, normalised → its field and unit. */
const KNOWN: ReadonlyMap<string, { field: AuditField; unit?: 'g' }> = (() => {
  const known = new Map<string, { field: AuditField; unit?: 'g' }>();
  const add = (field: AuditField, names: readonly KnownHeader[]) => {
    for (const name of names) {
      const [header, unit] =
        typeof name === 'string' ? [name, undefined] : [name.header, name.unit];
      known.set(normalizeHeader(header), unit ? { field, unit } : { field });
    }
  };
  for (const field of AUDIT_FIELDS) {
    add(field, [field]);
    add(field, RUSSIAN_HEADERS[field]);
    add(field, CDEK_REPORT_HEADERS[field] ?? []);
  }
  return known;
})();

/** The fields a row cannot be audited without (one of the two deadline fields also). */
const REQUIRED: readonly AuditField[] = ['waybill', 'shippedDate', 'deliveryCost'];

const headerProblem = (reason: string, field?: AuditField, column?: string): RowProblem => ({
  line: 1,
  ...(column !== undefined ? { column } : {}),
  ...(field !== undefined ? { field } : {}),
  reason,
});

/**
 * Maps the header row to fields: `columns` first (field → the header as written, matched
 * normalised), then every known name. Problems (all of them, line 1): a required field with
 * no column (waybill, shippedDate, deliveryCost, and promisedDate or transitBusinessDays), a
 * `columns` header the file lacks, two columns for one field.
 * @example mapHeader({ line: 1, cells: ['Номер накладной', 'Дата отправки', 'Стоимость доставки', 'Срок доставки'] }) // { mapping: { fields: { waybill: { index: 0, header: 'Номер накладной' }, … } } }
 */
export function mapHeader(
  header: CsvRecord,
  columns?: Partial<Record<AuditField, string>>,
): { mapping: HeaderMapping } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const fields: Partial<Record<AuditField, MappedColumn>> = {};
  const normalized = header.cells.map(normalizeHeader);
  const taken = new Set<number>();
  for (const field of AUDIT_FIELDS) {
    const wanted = columns?.[field];
    if (wanted === undefined) continue;
    const key = normalizeHeader(wanted);
    const index = normalized.findIndex((n) => n === key && key !== '');
    if (index < 0) {
      problems.push(
        headerProblem(
          `the column "${wanted}" given for ${field} is not in the file's header`,
          field,
          wanted,
        ),
      );
      continue;
    }
    fields[field] = { index, header: header.cells[index] ?? wanted };
    taken.add(index);
  }
  const found = new Map<AuditField, MappedColumn[]>();
  normalized.forEach((key, index) => {
    const known = KNOWN.get(key);
    if (known === undefined || taken.has(index) || columns?.[known.field] !== undefined) return;
    const column: MappedColumn = { index, header: header.cells[index] ?? '' };
    if (known.unit) column.unit = known.unit;
    found.set(known.field, [...(found.get(known.field) ?? []), column]);
  });
  for (const [field, candidates] of found) {
    const [first, second] = candidates;
    if (first === undefined) continue;
    if (second !== undefined) {
      const names = candidates.map((c) => `"${c.header}"`).join(' and ');
      problems.push(
        headerProblem(
          `two columns map to ${field}: ${names}; name the one to use in columns.${field}`,
          field,
          second.header,
        ),
      );
      continue;
    }
    fields[field] = first;
  }
  for (const field of REQUIRED) {
    if (fields[field] === undefined && !problems.some((p) => p.field === field)) {
      problems.push(headerProblem(missing(field), field));
    }
  }
  if (fields.promisedDate === undefined && fields.transitBusinessDays === undefined) {
    const twoFields = (['promisedDate', 'transitBusinessDays'] as const).some((f) =>
      problems.some((p) => p.field === f),
    );
    if (!twoFields) {
      problems.push(
        headerProblem(
          `no column for promisedDate or transitBusinessDays (e.g. "Плановая дата доставки" or "Срок доставки (раб. дн.)"): the deadline cannot be known`,
          'promisedDate',
        ),
      );
    }
  }
  return problems.length > 0 ? { problems } : { mapping: { fields } };
}

function missing(field: AuditField): string {
  const russian = RUSSIAN_HEADERS[field][0];
  const name = typeof russian === 'string' ? russian : (russian?.header ?? field);
  return `no column for ${field} (e.g. "${field}" or "${name}"); map the file's header through columns.${field}`;
}
