import Big from 'big.js';
import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import { analyticsCsv, csvField } from '../../src/desk/export/analytics-csv';
import { BarChart, barLength } from '../../src/desk/views/analytics/bar-chart';
import { buildReport, spread, type AnalyticsReport } from '../../src/domain/analytics';

const report: AnalyticsReport = buildReport(
  [
    {
      day: '2026-11-02',
      counters: spread({ carrier: 'cdek', cause: 'warehouse', type: 'damaged' }, 2, [
        { metric: 'computed', currency: 'RUB', minor: new Big('123456') },
      ]),
    },
  ],
  { from: '2026-11-01', to: '2026-11-30', groupBy: 'carrier', currency: 'RUB' },
);

describe('the analytics CSV', () => {
  it('has a header, a row per group and the totals, money as exact decimals', () => {
    expect(analyticsCsv(report)).toBe(
      'key,count,computed,approved,paid,given,currency\r\n' +
        'cdek,2,1234.56,0.00,0.00,0.00,RUB\r\n' +
        'total,2,1234.56,0.00,0.00,0.00,RUB\r\n',
    );
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-1+1', "'-1+1"],
  ])('quotes %j as %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('the SVG bar chart', () => {
  const render = async (rows: { label: string; values: string[]; texts: string[] }[]) =>
    String(
      await jsx(BarChart, {
        id: 'c',
        title: 'Claims per carrier',
        series: [{ name: 'Claims', className: 'bar-a' }],
        rows,
      }),
    );

  it('is one named image whose bars carry their values as text', async () => {
    const svg = await render([
      { label: 'CDEK', values: ['3'], texts: ['3'] },
      { label: 'Почта <России>', values: ['1'], texts: ['1'] },
    ]);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="c-title c-desc"/);
    expect(svg).toContain('<title id="c-title">Claims per carrier</title>');
    expect(svg).toContain(
      '<desc id="c-desc">CDEK: Claims 3; Почта &lt;России&gt;: Claims 1</desc>',
    );
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('width="300.0"');
    expect(svg).toContain('width="100.0"');
    expect(svg).toContain('>Почта &lt;России&gt;</text>');
    expect(svg).not.toContain('<script');
  });

  it('sizes bars exactly against the largest value, and draws zero bars for all-zero data', () => {
    expect(barLength('1234.56', new Big('2469.12'))).toBe('150.0');
    expect(barLength('0', new Big(0))).toBe('0');
  });
});
