import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../src/domain/calendar';
import { call } from './helpers';

describe('GET /v1/calendars/{country}/{year}', () => {
  it('gives the RU 2025 working-day count and its days off', async () => {
    const a = await call('GET', '/v1/calendars/RU/2025');
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({ country: 'RU', year: 2025, workingDays: 247 });
    expect(a.body.shortDays).toContain('2025-11-01');
    expect(a.body.daysOff).toContainEqual(
      expect.objectContaining({ date: '2025-05-02', kind: 'moved' }),
    );
    expect(a.body.source).toMatchObject({ dataset: 'xmlcalendar', file: 'ru/2025/calendar.xml' });
  });

  it('accepts a lower-case country', async () => {
    expect((await call('GET', '/v1/calendars/by/2024')).status).toBe(200);
  });

  it('answers 422 calendar-year-unknown for a year without data', async () => {
    const a = await call('GET', `/v1/calendars/RU/${getCalendar('RU').lastYear + 1}`);
    expect(a.status, a.text).toBe(422);
    expect(a.body.type).toBe('/problems/calendar-year-unknown');
  });

  it('names the parameter when the country is unknown', async () => {
    const a = await call('GET', '/v1/calendars/XX/2025');
    expect(a.status, a.text).toBe(422);
    expect(a.body.errors).toEqual([expect.objectContaining({ parameter: 'country' })]);
  });
});

describe('GET /v1/policies', () => {
  it('lists cdek, russian-post and road-freight with versions and sources', async () => {
    const a = await call('GET', '/v1/policies');
    expect(a.status, a.text).toBe(200);
    const items = a.body.items as { id: string; version: string; source: string }[];
    expect(items.map((p) => p.id)).toEqual(
      expect.arrayContaining(['cdek', 'russian-post', 'road-freight']),
    );
    for (const p of items) expect(p.version && p.source).toBeTruthy();
  });

  it('gives one policy by id, and a 404 problem for an unknown one', async () => {
    const ok = await call('GET', '/v1/policies/cdek');
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ id: 'cdek', weight: { divisor: 5000 } });
    const missing = await call('GET', '/v1/policies/nope');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });
});
