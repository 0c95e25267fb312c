import { describe, expect, it } from 'vitest';
import {
  AUDIT_TEMPLATE_COLUMNS,
  CDEK_REPORT_HEADERS,
  mapHeader,
  normalizeHeader,
  RUSSIAN_HEADERS,
} from '../../../src/domain/audit/columns';
import { AUDIT_FIELDS } from '../../../src/domain/audit/types';

const header = (...cells: string[]) => ({ line: 1, cells });

function mapped(...cells: string[]) {
  const result = mapHeader(header(...cells));
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  return result.mapping.fields;
}

describe('normalizeHeader', () => {
  it('drops case, ё, spaces, punctuation, NBSP and a BOM', () => {
    expect(normalizeHeader('\uFEFFРасчётный\u00a0вес, КГ:')).toBe('расчетныйвескг');
    expect(normalizeHeader('shipped_date')).toBe(normalizeHeader('shippedDate'));
    expect(normalizeHeader(' Срок доставки (раб. дн.) ')).toBe('срокдоставкирабдн');
  });
});

describe('mapHeader', () => {
  it('maps our template, in any case, with every field at its index', () => {
    const fields = mapped(...AUDIT_TEMPLATE_COLUMNS.map((c) => c.toUpperCase()));
    for (const [index, field] of AUDIT_FIELDS.entries()) {
      expect(fields[field]).toEqual({ index, header: field.toUpperCase() });
    }
  });

  it('maps the Russian headers, whatever their spacing, case, ё and punctuation', () => {
    const fields = mapped(
      '\uFEFFНомер  накладной',
      'ДАТА ОТПРАВКИ',
      'Стоимость доставки:',
      'Срок доставки, раб. дн.',
      'Расчетный вес',
      'Вес, г',
    );
    expect(fields.waybill).toEqual({ index: 0, header: '\uFEFFНомер  накладной' });
    expect(fields.shippedDate?.index).toBe(1);
    expect(fields.deliveryCost?.index).toBe(2);
    expect(fields.transitBusinessDays?.index).toBe(3);
    expect(fields.chargedWeightKg).toEqual({ index: 4, header: 'Расчетный вес' });
    expect(fields.weightKg).toEqual({ index: 5, header: 'Вес, г', unit: 'g' });
  });

  const everyKnown = AUDIT_FIELDS.flatMap((f) =>
    [...RUSSIAN_HEADERS[f], ...(CDEK_REPORT_HEADERS[f] ?? [])].map((h) => [f, h] as const),
  );
  it.each(everyKnown)('maps the header of %s %o', (field, known) => {
    const name = typeof known === 'string' ? known : known.header;
    const required = ['waybill', 'shippedDate', 'deliveryCost', 'promisedDate'];
    const fields = mapped(name, ...required.filter((f) => f !== field));
    expect(fields[field]?.index).toBe(0);
    expect(fields[field]?.unit).toBe(typeof known === 'string' ? undefined : known.unit);
  });

  it("maps CDEK's API v2 order fields, weights in grams", () => {
    const fields = mapped(
      'cdek_number',
      'number',
      'date_invoice',
      'delivery_sum',
      'total_sum',
      'weight',
      'weight_calc',
      'to_location.country_code',
      'Плановая дата доставки',
    );
    expect(fields.waybill?.index).toBe(0);
    expect(fields.orderId?.index).toBe(1);
    expect(fields.shippedDate?.index).toBe(2);
    expect(fields.deliveryCost?.index).toBe(3);
    expect(fields.chargedAmount?.index).toBe(4);
    expect(fields.weightKg).toEqual({ index: 5, header: 'weight', unit: 'g' });
    expect(fields.chargedWeightKg).toEqual({ index: 6, header: 'weight_calc', unit: 'g' });
    expect(fields.destinationCountry?.index).toBe(7);
    expect(Object.keys(CDEK_REPORT_HEADERS).length).toBeGreaterThan(5);
  });

  it('takes `columns` over the known names, matched normalised', () => {
    const result = mapHeader(
      header('Накладная №', 'Дата отправки', 'Стоимость доставки', 'Срок', 'Номер накладной'),
      { waybill: 'накладная  №', transitBusinessDays: 'СРОК' },
    );
    expect(result).toEqual({
      mapping: {
        fields: {
          waybill: { index: 0, header: 'Накладная №' },
          transitBusinessDays: { index: 3, header: 'Срок' },
          shippedDate: { index: 1, header: 'Дата отправки' },
          deliveryCost: { index: 2, header: 'Стоимость доставки' },
        },
      },
    });
  });

  it('is JSON-serialisable', () => {
    const result = mapHeader(header('waybill', 'shippedDate', 'deliveryCost', 'promisedDate'));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('reports every required field without a column', () => {
    expect(mapHeader(header('Комментарий'))).toEqual({
      problems: [
        {
          line: 1,
          field: 'waybill',
          reason:
            'no column for waybill (e.g. "waybill" or "Номер накладной"); map the file\'s header through columns.waybill',
        },
        {
          line: 1,
          field: 'shippedDate',
          reason:
            'no column for shippedDate (e.g. "shippedDate" or "Дата отправки"); map the file\'s header through columns.shippedDate',
        },
        {
          line: 1,
          field: 'deliveryCost',
          reason:
            'no column for deliveryCost (e.g. "deliveryCost" or "Стоимость доставки"); map the file\'s header through columns.deliveryCost',
        },
        {
          line: 1,
          field: 'promisedDate',
          reason:
            'no column for promisedDate or transitBusinessDays (e.g. "Плановая дата доставки" or "Срок доставки (раб. дн.)"): the deadline cannot be known',
        },
      ],
    });
  });

  it('reports a `columns` header the file lacks', () => {
    const result = mapHeader(header('waybill', 'shippedDate', 'deliveryCost', 'promisedDate'), {
      status: 'Состояние',
    });
    expect(result).toEqual({
      problems: [
        {
          line: 1,
          column: 'Состояние',
          field: 'status',
          reason: 'the column "Состояние" given for status is not in the file\'s header',
        },
      ],
    });
  });

  it('reports two columns for one field, and takes `columns` to settle it', () => {
    const cells = [
      'Номер накладной',
      'Трек-номер',
      'Дата отправки',
      'Стоимость доставки',
      'Срок доставки',
    ];
    expect(mapHeader(header(...cells))).toEqual({
      problems: [
        {
          line: 1,
          column: 'Трек-номер',
          field: 'waybill',
          reason:
            'two columns map to waybill: "Номер накладной" and "Трек-номер"; name the one to use in columns.waybill',
        },
      ],
    });
    const settled = mapHeader(header(...cells), { waybill: 'Трек-номер' });
    expect('mapping' in settled && settled.mapping.fields.waybill).toEqual({
      index: 1,
      header: 'Трек-номер',
    });
  });
});
