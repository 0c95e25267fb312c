import { z } from '@hono/zod-openapi';
import {
  CALENDAR_COUNTRIES,
  type CalendarYearSummary,
  type CountryCoverage,
} from '../domain/calendar';
import { IsoDateSchema } from './common.schema';

/** The years `year` takes as a client writes an integer: four digits. */
const FIRST_YEAR_SENT = 1000;
const LAST_YEAR_SENT = 9999;

export const CalendarParamsSchema = z.object({
  country: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(CALENDAR_COUNTRIES, { error: `must be one of ${CALENDAR_COUNTRIES.join(', ')}` }))
    .openapi({ param: { name: 'country', in: 'path' }, type: 'string', example: 'RU' }),
  // A path segment is text: four digits, read as a number. Documented as the integer a client
  // sends (1000–9999); a year without data is a 422 `calendar-year-unknown`, anything else a
  // 422 `validation-failed`.
  year: z
    .string()
    .regex(/^\d{4}$/, 'must be a four-digit year')
    .transform(Number)
    .openapi({
      param: { name: 'year', in: 'path' },
      type: 'integer',
      minimum: FIRST_YEAR_SENT,
      maximum: LAST_YEAR_SENT,
      example: 2025,
    }),
});

export const CalendarSourceSchema = z
  .object({
    dataset: z.literal('xmlcalendar'),
    file: z.string().openapi({ example: 'ru/2025/calendar.xml' }),
    published: IsoDateSchema,
    preliminary: z.boolean().openapi({
      description:
        'True while the file can still change (holidays decreed later, e.g. UZ and KZ 2027): a count in this year may change with it.',
      example: false,
    }),
    note: z.string().optional(),
  })
  .openapi('CalendarSource');

const PublishedSchema = IsoDateSchema.openapi({
  description: 'When the year’s file was published (its `calendar@date`).',
  example: '2026-09-02',
});

export const CountryCoverageSchema = z
  .object({
    country: z.enum(CALENDAR_COUNTRIES),
    firstYear: z.number().int().openapi({ example: 2013 }),
    lastYear: z.number().int().openapi({ example: 2027 }),
    years: z.array(
      z.object({
        year: z.number().int().openapi({ example: 2027 }),
        published: PublishedSchema,
        preliminary: CalendarSourceSchema.shape.preliminary,
      }),
    ),
  })
  .openapi('CountryCalendarCoverage') satisfies z.ZodType<CountryCoverage>;

export const CalendarCoverageSchema = z
  .object({ items: z.array(CountryCoverageSchema) })
  .openapi('CalendarCoverage');

export const CalendarYearSchema = z
  .object({
    country: z.enum(CALENDAR_COUNTRIES),
    year: z.number().int(),
    workingDays: z.number().int().openapi({ example: 247 }),
    daysOff: z.array(
      z.object({
        date: IsoDateSchema,
        kind: z.enum(['weekend', 'holiday', 'moved']),
        holiday: z.string().optional(),
        movedFrom: IsoDateSchema.optional(),
      }),
    ),
    shortDays: z.array(IsoDateSchema),
    workingWeekendDays: z.array(IsoDateSchema),
    source: CalendarSourceSchema,
  })
  .openapi('CalendarYear') satisfies z.ZodType<CalendarYearSummary>;
