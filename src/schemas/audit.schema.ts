/**
 * Audits of carrier reports (issue 24): the audit (`Audit`, src/domain/audit/view.ts's
 * AuditView), its rows (`AuditRow`), the upload's options and the listings' queries. One
 * schema per shape, reused by the routes and the spec.
 */
import { z } from '@hono/zod-openapi';
import { AUDIT_FIELDS, AUDIT_FINDINGS } from '../domain/audit/types';
import { MAX_LOST_AFTER_DAYS } from '../domain/audit/audit';
import { AUDIT_STATUSES } from '../domain/audit/view';
import { IsoDateSchema, LineSchema, MoneySchema } from './common.schema';
import { MAX_FILING_LINES } from '../services/audit-file';

const AuditIdSchema = z
  .string()
  .regex(/^aud_[0-9a-f]{32}$/, 'must be an audit id (aud_ and 32 hex digits)')
  .openapi({ example: 'aud_5d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a' });

export const AuditIdParamsSchema = z.object({
  id: AuditIdSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

/** `columns`: a JSON object, field → the file's header; unknown fields are the service's 400. */
const ColumnsSchema = z
  .string()
  .max(4000)
  .optional()
  .openapi({
    description: `A JSON object mapping our fields to the file's headers, for headers not recognised on their own, e.g. \`{"waybill":"Трек","deliveryCost":"Тариф"}\`. Fields: ${AUDIT_FIELDS.join(', ')}. An unknown field is a 400 naming it; a header not in the file fails the audit (its \`failure\`).`,
    example: '{"waybill":"Трек","deliveryCost":"Тариф"}',
  });

export const AuditUploadQuerySchema = z.object({
  carrier: z.string().min(1).max(40).optional().openapi({
    description: 'The carrier of rows without a carrier column (default `cdek`)',
    example: 'cdek',
  }),
  tolerance: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, 'must be a percent such as 5 or 2.5')
    .optional()
    .openapi({
      description:
        'Percent the charged weight may exceed the chargeable weight of the declared dimensions by before it is an overcharge (default 0)',
      example: '5',
    }),
  lostAfterDays: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, 'must be a whole number of days from 1')
    .refine((days) => Number(days) <= MAX_LOST_AFTER_DAYS, `must be at most ${MAX_LOST_AFTER_DAYS}`)
    .optional()
    .openapi({
      description:
        'Calendar days after its promised date past which a parcel the report gives as still on its way counts as lost (your contract’s term; CDEK publishes none). Absent: only a lost status counts as lost, and such a parcel stays late',
      example: '30',
    }),
  fileName: z.string().min(1).max(200).optional().openapi({ example: 'cdek-2025-q1.csv' }),
  columns: ColumnsSchema,
  shopId: z.string().min(1).max(64).optional().openapi({
    description: 'Clerk keys: the shop the audit is for (a shop key audits for itself)',
  }),
});

export const AuditOptionsSchema = z
  .object({
    carrier: z.string().optional(),
    columns: z.record(z.string(), z.string()).optional(),
    overchargeTolerancePercent: z.string().optional(),
    lostAfterDays: z.number().int().optional(),
    fileName: z.string().optional(),
  })
  .openapi('AuditOptions');

const FindingSchema = z
  .object({
    kind: z.enum(['late', 'lost', 'overcharge']),
    amount: MoneySchema,
    lines: z.array(LineSchema),
    fileBy: IsoDateSchema,
    expired: z.boolean(),
  })
  .openapi('AuditFinding');

const RowProblemSchema = z
  .object({
    line: z.number().int(),
    column: z.string().optional(),
    field: z.enum(AUDIT_FIELDS).optional(),
    reason: z.string(),
  })
  .openapi('AuditRowIssue');

export const AuditRowSchema = z
  .object({
    line: z
      .number()
      .int()
      .openapi({ description: 'The line of the file the row starts on (1: the header)' }),
    waybill: z.string(),
    orderId: z.string().optional(),
    carrier: z.string(),
    findings: z.array(FindingSchema),
    claimId: z.string().optional().openapi({
      description:
        'The claim for the parcel: one the shop had already filed, or the one the audit filed',
    }),
    problems: z.array(RowProblemSchema).optional().openapi({
      description: 'A refused row: why it could not be read (its column and reason)',
    }),
  })
  .openapi('AuditRow');

const MoneyTotalSchema = z.object({ count: z.number().int(), amount: MoneySchema });

export const AuditSchema = z
  .object({
    id: AuditIdSchema,
    shopId: z.string(),
    status: z.enum(AUDIT_STATUSES),
    options: AuditOptionsSchema,
    encoding: z.enum(['utf-8', 'windows-1251']).optional(),
    createdAt: z.string(),
    completedAt: z.string().optional(),
    failure: z.object({ code: z.string(), detail: z.string() }).optional().openapi({
      description:
        'Why the audit failed: the whole file (`bad-header`, `no-header`, `not-csv`, `file-missing`), or a part of it the queue gave up on after 6 attempts (`read-failed`: the detail names the line; the rows before it are kept). A bad row never fails the file',
    }),
    progress: z.object({
      bytesRead: z.number().int(),
      bytesTotal: z.number().int(),
      percent: z.number().int().min(0).max(100),
    }),
    rows: z.object({
      read: z.number().int(),
      audited: z.number().int(),
      refused: z.number().int(),
    }),
    totals: z.array(
      z.object({
        finding: z.enum(['late', 'lost', 'overcharge']),
        carrier: z.string(),
        count: z.number().int(),
        amount: MoneySchema,
        owed: MoneyTotalSchema.openapi({
          description:
            'Not expired, not already claimed, and not yet filed from this audit (rows POST …/claims filed come off it)',
        }),
        fileBy: IsoDateSchema.optional().openapi({
          description:
            'The earliest last day to file among the rows owed when the file was read; absent when none is owed any more',
        }),
      }),
    ),
    fileable: z.object({ count: z.number().int(), amount: z.array(MoneySchema) }).openapi({
      description:
        'What POST …/claims would file now: the owed late and lost rows (one claim a row)',
    }),
    filing: z
      .object({
        status: z.enum(['filing', 'done']),
        requested: z.number().int(),
        filed: z.number().int(),
        skipped: z.number().int(),
        failed: z.number().int(),
      })
      .optional(),
  })
  .openapi('Audit');

export const AuditListSchema = z
  .object({ items: z.array(AuditSchema), nextCursor: z.string().optional() })
  .openapi('AuditList', {
    description: 'Audits as their heads hold them: `totals` come with GET /v1/audits/{id}',
  });

export const AuditRowListSchema = z
  .object({ items: z.array(AuditRowSchema), nextCursor: z.string().optional() })
  .openapi('AuditRowList');

const cursor = z.string().max(2000).optional().openapi({
  description: 'nextCursor of the previous page, unchanged (bound to your key and the query)',
});
const limit = (max: number, byDefault: number) =>
  z.coerce
    .number({ error: `must be a whole number from 1 to ${max}` })
    .int(`must be a whole number from 1 to ${max}`)
    .min(1)
    .max(max)
    .default(byDefault);

export const AuditListQuerySchema = z.object({
  cursor,
  limit: limit(100, 20),
  shopId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'Clerk keys: the shop whose audits' }),
});

export const AuditRowsQuerySchema = z.object({
  finding: z.enum(AUDIT_FINDINGS).optional().openapi({
    description: 'Only rows with this finding; `refused`: the rows that could not be read',
  }),
  cursor,
  limit: limit(1000, 100),
});

export const AuditCsvQuerySchema = z.object({ finding: AuditRowsQuerySchema.shape.finding });

export const AuditFilingBodySchema = z
  .object({
    lines: z
      .array(z.number().int().min(2))
      .min(1)
      .max(MAX_FILING_LINES)
      .optional()
      .openapi({
        description: `The rows to file, by line (at most ${MAX_FILING_LINES}); absent: every owed row`,
      }),
  })
  .strict()
  .openapi('AuditFilingRequest');
