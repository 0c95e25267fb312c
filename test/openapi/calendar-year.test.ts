/**
 * `getCalendarYear`'s `year` is documented as an integer (issue 21) with the range the API
 * takes: every integer in it is read as a year (a year without data is a 422
 * `calendar-year-unknown`), anything else is the 422 `validation-failed` naming `year` it was.
 */
import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../src/domain/calendar';
import { app, getDoc } from './document';

const answer = async (year: string | number) => {
  const response = await app.request(`/v1/calendars/RU/${year}`);
  const body = (await response.json()) as { type?: string; errors?: { parameter?: string }[] };
  return {
    status: response.status,
    type: body.type,
    parameters: body.errors?.map((e) => e.parameter),
  };
};

describe('the year of GET /v1/calendars/{country}/{year}', () => {
  it('is documented as an integer from 1000 to 9999', async () => {
    const doc = await getDoc();
    const op = doc.paths['/v1/calendars/{country}/{year}']?.get;
    const year = op?.parameters?.find((p) => p.name === 'year');
    expect(year?.schema).toMatchObject({ type: 'integer', minimum: 1000, maximum: 9999 });
  });

  it('reads every documented integer as a year: data, or calendar-year-unknown', async () => {
    expect((await answer(getCalendar('RU').lastYear)).status).toBe(200);
    for (const year of [1000, 1800, 9999]) {
      expect(await answer(year)).toEqual({
        status: 422,
        type: '/problems/calendar-year-unknown',
        parameters: undefined,
      });
    }
  });

  it.each([999, 10000, -2025, '2025.0', 'abc'])(
    'refuses %s as a field error naming year',
    async (year) => {
      expect(await answer(year)).toEqual({
        status: 422,
        type: '/problems/validation-failed',
        parameters: ['year'],
      });
    },
  );
});
