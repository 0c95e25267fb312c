/**
 * The dashboard's figures as CSV (RFC 4180): a header row, one row per group, the totals;
 * money as plain decimal strings with the currency in its own column, so a spreadsheet
 * reads exact amounts. A field with a comma, a quote or a line break is quoted, quotes
 * doubled; a field starting with = + - @ is prefixed with ' so no spreadsheet runs it.
 */
import type { AnalyticsReport, Figures } from '../../domain/analytics';

const HEADER = ['key', 'count', 'computed', 'approved', 'paid', 'given', 'currency'];

/**
 * What the file holds, as its name says it (issue 25: every export says what it contains):
 * figures per group (carrier, cause, type, week or month) and their totals, counted and summed
 * over claims; no claim, no customer, nothing personal. The name ends in `no-personal-data`
 * rather than a comment line above the header, which spreadsheets would read as a row.
 *
 * @example analyticsCsvName({ groupBy: 'cause', from: '2025-06-01', to: '2025-06-30' }) // 'claims-cause-2025-06-01-2025-06-30-totals-no-personal-data.csv'
 */
export const analyticsCsvName = (report: Pick<AnalyticsReport, 'groupBy' | 'from' | 'to'>) =>
  `claims-${report.groupBy}-${report.from}-${report.to}-totals-no-personal-data.csv`;

/** @example csvField('a,"b"') // '"a,""b"""' */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const row = (key: string, f: Figures, currency: string) =>
  [
    key,
    String(f.count),
    f.computed.amount,
    f.approved.amount,
    f.paid.amount,
    f.given.amount,
    currency,
  ]
    .map(csvField)
    .join(',');

/**
 * @example analyticsCsv(report).split('\r\n')[0] // 'key,count,computed,approved,paid,given,currency'
 */
export function analyticsCsv(report: AnalyticsReport): string {
  const lines = [
    HEADER.join(','),
    ...report.groups.map((g) => row(g.key, g, report.currency)),
    row('total', report.totals, report.currency),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
