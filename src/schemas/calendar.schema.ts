import { z } from '@hono/zod-openapi';
import { CALENDAR_COUNTRIES, type CalendarYearSummary } from '../domain/calendar';
import { IsoDateSchema } from './common.schema';

export const CalendarParamsSchema = z.object({
  country: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(CALENDAR_COUNTRIES, { error: `must be one of ${CALENDAR_COUNTRIES.join(', ')}` }))
    .openapi({ param: { name: 'country', in: 'path' }, type: 'string', example: 'RU' }),
  year: z
    .string()
    .regex(/^\d{4}$/, 'must be a four-digit year')
    .transform(Number)
    .openapi({ param: { name: 'year', in: 'path' }, type: 'string', example: '2025' }),
});

export const CalendarSourceSchema = z
  .object({
    dataset: z.literal('xmlcalendar'),
    file: z.string().openapi({ example: 'ru/2025/calendar.xml' }),
    published: IsoDateSchema,
    note: z.string().optional(),
  })
  .openapi('CalendarSource');

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
