import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDamaged, computeLate, computeLost } from '../../src/domain/compensation';
import {
  LANGUAGES,
  LINE_KEYS,
  line,
  renderLine,
  templateOf,
  type Line,
} from '../../src/domain/explain';
import { compileTemplate, fillTemplate } from '../../src/domain/explain/compile';
import { resolvePolicy } from '../../src/domain/policies';
import { computeWeight } from '../../src/domain/weight';
import { fakeCalendar } from './compensation/fake-calendar';

const placeholders = (template: string) =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

describe('explanation templates', () => {
  it.each(LINE_KEYS.map((k) => [k]))(
    '%s has an English and a Russian template that render fully',
    (key) => {
      const names = LANGUAGES.flatMap((lang) => placeholders(templateOf(key, lang)));
      const params = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
      for (const lang of LANGUAGES) {
        const text = renderLine({ key, params }, lang);
        expect(text).not.toMatch(/[{}]/);
        expect(text.length).toBeGreaterThan(0);
      }
      expect(templateOf(key, 'ru')).toMatch(/[а-яё]/i);
      expect(templateOf(key, 'en')).not.toMatch(/[а-яё]/i);
    },
  );

  it('renders the same line in English and Russian', () => {
    const l = line('late.delivered', { deliveredDate: '2025-03-13' });
    expect(l.text).toBe('Delivered on 2025-03-13.');
    expect(renderLine(l, 'ru')).toBe('Доставлено 2025-03-13.');
  });

  it('leaves a missing param visible rather than dropping it', () => {
    expect(renderLine({ key: 'late.delivered', params: {} }, 'en')).toBe(
      'Delivered on {deliveredDate}.',
    );
  });
});

describe('lines of real results', () => {
  const rub = (amount: string) => ({ amount, currency: 'RUB' as const });
  const results: Line[][] = [];
  for (const carrier of ['cdek', 'russian-post', 'road-freight']) {
    const policy = resolvePolicy(carrier);
    const ctx = { policy, calendar: fakeCalendar };
    results.push(
      computeWeight(
        {
          divisor: 6000,
          packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '9' }],
        },
        { policy },
      ).lines,
      computeLate(
        {
          deliveryCost: rub('333.33'),
          shippedDate: '2025-12-26',
          transitBusinessDays: 2,
          asOf: '2026-03-01',
        },
        ctx,
      ).lines,
      computeLate(
        { deliveryCost: rub('500.00'), promisedDate: '2025-03-14', deliveredDate: '2025-03-16' },
        ctx,
      ).lines,
      computeLate(
        { deliveryCost: rub('500.00'), promisedDate: '2025-03-14', deliveredDate: '2025-03-10' },
        ctx,
      ).lines,
      computeLost(
        { deliveryCost: rub('500.00'), insurance: { declaredValue: rub('900.00') } },
        { policy },
      ).lines,
      computeLost(
        { deliveryCost: rub('500.00'), deliveryPaid: false, documentedValue: rub('10.00') },
        { policy },
      ).lines,
      computeDamaged({ deliveryCost: rub('333.33'), documentedDamage: rub('5000.00') }, { policy })
        .lines,
      computeDamaged({ deliveryCost: rub('500.00') }, { policy }).lines,
    );
  }
  const all = results.flat();

  it.each(LANGUAGES.map((l) => [l]))('render in %s without leftover placeholders', (lang) => {
    for (const l of all) expect(renderLine(l, lang)).not.toMatch(/\{\w+\}/);
  });

  it('keep the English text in the line itself', () => {
    for (const l of all) expect(l.text).toBe(renderLine(l, 'en'));
  });
});

describe('compiled templates', () => {
  /** The renderer templates were once filled with: one regex replace per call. */
  const replaceRender = (template: string, params: Record<string, string | number | boolean>) =>
    template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = Object.hasOwn(params, name) ? params[name] : undefined;
      return value === undefined ? placeholder : String(value);
    });
  const names = ['a', 'b', 'toString', '__proto__', 'x1', 'é'];
  const pieces = fc.constantFrom(
    ...['{', '}', ' ', 'a', '$&', '$1', 'ё', '{}', '{ a}', '{{a}}'],
    ...names.map((n) => `{${n}}`),
  );
  const templates = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''));
  const values = fc.oneof(
    fc.string({ maxLength: 4 }),
    fc.integer(),
    fc.boolean(),
    fc.constant('{a}'),
    fc.constant('$&'),
  );
  const params = fc.dictionary(fc.constantFrom(...names), values, { maxKeys: 4 });

  it('fill exactly as a regex replace would, stray braces and missing params included', () => {
    fc.assert(
      fc.property(templates, params, (template, p) => {
        expect(fillTemplate(compileTemplate(template), p)).toBe(replaceRender(template, p));
      }),
      { numRuns: 3000 },
    );
  });

  it.each(LANGUAGES.flatMap((lang) => LINE_KEYS.map((key) => [key, lang] as const)))(
    '%s renders in %s as the regex replace did',
    (key, lang) => {
      const template = templateOf(key, lang);
      const full = Object.fromEntries(
        placeholders(template).map((n, i) => [n, i % 2 ? i : `<${n}>`]),
      );
      expect(renderLine({ key, params: full }, lang)).toBe(replaceRender(template, full));
      expect(renderLine({ key, params: {} }, lang)).toBe(template);
    },
  );
});
