import { getCalendar } from '../../src/domain/calendar';
import { computeLate } from '../../src/domain/compensation';
import { resolvePolicy } from '../../src/domain/policies';
import { fmt, measure } from './measure';

/** Late compensation over a 10-year delay against a 3-day delay. Target ratio ≤ 5. */
export async function benchLateSpan(): Promise<string[]> {
  const ctx = { policy: resolvePolicy(undefined), calendar: getCalendar('RU') };
  const input = (deliveredDate: string) => ({
    deliveryCost: { amount: '500.00', currency: 'RUB' as const },
    promisedDate: '2015-03-02',
    deliveredDate,
  });
  const short = await measure('3 days', 20_000, () => computeLate(input('2015-03-05'), ctx));
  const long = await measure('10 years', 20_000, () => computeLate(input('2025-03-03'), ctx));
  return [
    '| delay | µs/call |',
    '|---|---|',
    `| 3 business days | ${fmt(short.perOpUs)} |`,
    `| 10 years | ${fmt(long.perOpUs)} |`,
    `| ratio 10 y / 3 d (target ≤ 5) | ${fmt(long.perOpUs / short.perOpUs)} |`,
  ];
}
