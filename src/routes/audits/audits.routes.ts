/**
 * The audit operations' contracts (issue 24): upload a carrier's report, follow the audit,
 * page or export its rows, file claims for the rows still owed.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { AUDIT_FIELDS } from '../../domain/audit/types';
import {
  AuditCsvQuerySchema,
  AuditFilingBodySchema,
  AuditIdParamsSchema,
  AuditListQuerySchema,
  AuditListSchema,
  AuditRowListSchema,
  AuditRowsQuerySchema,
  AuditSchema,
  AuditUploadQuerySchema,
} from '../../schemas/audit.schema';
import { responseHeaders } from '../../schemas/headers.schema';
import { conflictProblem, problem } from '../../schemas/problem.schema';
import { AUDIT_CSV_HEADER } from '../../services/audit-csv';
import { apiKeyErrors, apiKeySecurity, describeRole, noBodyErrors } from '../api-key-contract';
import { jsonResponse } from '../router';
import {
  auditCreatedExample,
  auditExample,
  auditId,
  auditRowExamples,
  russianCsvExample,
  templateCsvExample,
} from './audits.examples';

const tags = ['audits'];
const notFound = problem(404, 'No such audit (or another shop’s: not revealed)');
const location = {
  Location: {
    description: 'The audit: `/v1/audits/{id}`',
    schema: { type: 'string', example: `/v1/audits/${auditId}` },
  },
} as const;
const accepted = (description: string, example: unknown) => ({
  description,
  headers: { ...responseHeaders(), ...location },
  content: { 'application/json': { schema: AuditSchema, example } },
});

const csvBody = {
  schema: z.string().openapi({ format: 'binary' }),
};

export const createAuditRoute = createRoute({
  method: 'post',
  path: '/v1/audits',
  operationId: 'createAudit',
  tags,
  security: apiKeySecurity,
  summary: 'Audit a carrier’s report (CSV upload)',
  description: describeRole(
    'both',
    `The body is the report itself, not JSON: \`text/csv\`, \`application/csv\` or \`text/plain\`, up to 50 MB (AUDIT_MAX_BYTES), with or without Content-Length; \`charset=windows-1251\` in the type is honoured, else the encoding is found from the bytes (UTF-8 with or without BOM, or windows-1251). The separator (\`;\`, \`,\` or TAB) is found from the header line. Options go in the query. Answers at once with 202 and the audit \`processing\`: the file is read in chunks in the background; poll \`GET /v1/audits/{id}\`.

**Our template**: one row per parcel, headers (any case) \`${AUDIT_FIELDS.join('`, `')}\` — \`promisedDate\` or \`transitBusinessDays\`; \`status\` one of delivered, in_transit, lost, not_delivered, returned (or their Russian words); money and weights as decimals (point or comma), dates \`yyyy-mm-dd\` or \`dd.mm.yyyy\`; \`insured\` yes/no. Example:

\`\`\`
${templateCsvExample}\`\`\`

**Russian Excel** (\`;\`, decimal commas, dd.mm.yyyy, Russian headers) and the column names of CDEK’s shipment report map on their own:

\`\`\`
${russianCsvExample}\`\`\`

Any other header maps through \`columns\`. A bad row never fails the file: it is reported with its line, column and reason (\`rows?finding=refused\`). A bad header row fails the audit (\`status: failed\`, \`failure\`). Excel workbooks (\`.xlsx\`, \`.xls\`) are refused with 415: save the sheet as CSV.`,
  ),
  request: {
    query: AuditUploadQuerySchema,
    body: {
      required: true,
      description: 'The report’s bytes (CSV)',
      content: { 'text/csv': csvBody, 'application/csv': csvBody, 'text/plain': csvBody },
    },
  },
  responses: {
    202: accepted('Stored and being read; `Location` is the audit', auditCreatedExample),
    400: problem(
      400,
      'The file is empty, `columns` is not a JSON object or names unknown fields, `carrier` has no policy, `tolerance` is no percent, or a clerk key named no `shopId` (`audit-request-invalid`; `errors` names the parameter)',
    ),
    413: problem(413, 'The file is larger than AUDIT_MAX_BYTES (50 MB) (`audit-file-too-large`)'),
    415: problem(
      415,
      'Not CSV: an Excel workbook (by its type or its first bytes), or another type (`audit-file-unsupported`); save the sheet as CSV',
    ),
    422: problem(
      422,
      'A query parameter breaks a rule (`tolerance`, `lostAfterDays`, `carrier`, `fileName`)',
    ),
    ...apiKeyErrors,
    503: problem(
      503,
      'Audit file storage or the table unavailable (`audit-storage-unavailable`, `storage-unavailable`); retry after `Retry-After` seconds',
    ),
  },
});

export const listAuditsRoute = createRoute({
  method: 'get',
  path: '/v1/audits',
  operationId: 'listAudits',
  tags,
  security: apiKeySecurity,
  summary: 'The shop’s audits, newest first',
  description: describeRole(
    'both',
    'Each audit as its head holds it (status, progress, rows); totals and `fileable` come with `GET /v1/audits/{id}`. A clerk key names the shop with `shopId`. Follow `nextCursor` until it is absent.',
  ),
  request: { query: AuditListQuerySchema },
  responses: {
    200: jsonResponse(AuditListSchema, 'A page of audits', {
      items: [{ ...auditExample, totals: [], fileable: { count: 0, amount: [] } }],
    }),
    422: problem(422, 'A query parameter breaks a rule (`limit`, `cursor` not this listing’s)'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const getAuditRoute = createRoute({
  method: 'get',
  path: '/v1/audits/{id}',
  operationId: 'getAudit',
  tags,
  security: apiKeySecurity,
  summary: 'An audit: progress, totals per finding and carrier, what can be filed',
  description: describeRole(
    'both',
    'While `processing`, `progress` and `rows` grow as chunks are read. `totals`: per finding (late, lost, overcharge) and carrier, the count and sum, what is still owed (not past the claim window, not already claimed, not yet filed from this audit) and the earliest day to file it by. `fileable`: what `POST …/claims` would file now.',
  ),
  request: { params: AuditIdParamsSchema },
  responses: {
    200: jsonResponse(AuditSchema, 'The audit', auditExample),
    404: notFound,
    422: problem(422, 'The id is not an audit id'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const listAuditRowsRoute = createRoute({
  method: 'get',
  path: '/v1/audits/{id}/rows',
  operationId: 'listAuditRows',
  tags,
  security: apiKeySecurity,
  summary: 'An audit’s rows, by line',
  description: describeRole(
    'both',
    'Every row, or those with one finding (`late`, `lost`, `overcharge`; `refused`: the rows that could not be read, with their problems), by line. Each finding carries the calculators’ `lines`, its `fileBy` and whether it has `expired`. Follow `nextCursor`.',
  ),
  request: { params: AuditIdParamsSchema, query: AuditRowsQuerySchema },
  responses: {
    200: jsonResponse(AuditRowListSchema, 'A page of rows', { items: auditRowExamples }),
    404: notFound,
    422: problem(422, 'A parameter breaks a rule (`finding`, `limit`, `cursor`)'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const exportAuditRowsRoute = createRoute({
  method: 'get',
  path: '/v1/audits/{id}/rows.csv',
  operationId: 'exportAuditRows',
  tags,
  security: apiKeySecurity,
  summary: 'An audit’s rows as CSV for Excel',
  description: describeRole(
    'both',
    `Streamed in the dialect Russian Excel opens as is: UTF-8 with BOM, \`;\`, decimal commas, dates dd.mm.yyyy, CRLF. The header row: ${AUDIT_CSV_HEADER.join(';')}. One line per finding of a row. A cell that starts with = + - @, TAB or CR is prefixed with \`'\` (no formula runs).`,
  ),
  request: { params: AuditIdParamsSchema, query: AuditCsvQuerySchema },
  responses: {
    200: {
      description: 'The rows',
      headers: {
        ...responseHeaders(),
        'Content-Disposition': {
          description: 'An attachment named `audit-<id>[-<finding>].csv`',
          schema: { type: 'string', example: `attachment; filename="audit-${auditId}.csv"` },
        },
      },
      content: {
        'text/csv': {
          schema: z.string(),
          example: `\uFEFF${AUDIT_CSV_HEADER.join(';')}\r\n17;1106207236;A-1042;cdek;опоздание;150,00;RUB;20.04.2025;нет;;\r\n`,
        },
      },
    },
    404: notFound,
    422: problem(422, 'A parameter breaks a rule (`finding`)'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const fileAuditClaimsRoute = createRoute({
  method: 'post',
  path: '/v1/audits/{id}/claims',
  operationId: 'fileAuditClaims',
  tags,
  security: apiKeySecurity,
  summary: 'File a claim for every row still owed (or the lines listed)',
  description: describeRole(
    'both',
    'Files, in the background, one claim per owed late or lost row (lost when a row is both), signed with the shop’s profile, each with the idempotency key `audit-<id>-<line>`: running it twice files nothing twice (a row filed is skipped). Overcharges are found but not filed: there is no claim type for a re-measurement dispute. 202 with the filing counters (`filing`); poll the audit. A run already going is answered as it stands.',
  ),
  request: {
    params: AuditIdParamsSchema,
    body: {
      required: false,
      description: 'Optional: the lines to file',
      content: {
        'application/json': { schema: AuditFilingBodySchema, example: { lines: [17, 42] } },
      },
    },
  },
  responses: {
    202: accepted('Filing; `Location` is the audit', {
      ...auditExample,
      filing: { status: 'filing', requested: 405, filed: 0, skipped: 0, failed: 0 },
    }),
    400: problem(
      400,
      'Not JSON, or `lines` names rows the audit does not have (`audit-request-invalid`, naming `lines`)',
    ),
    404: notFound,
    409: conflictProblem(
      'The audit is not completed (`audit-not-completed`), or the shop has no profile to sign claims with (`shop-profile-required`: PUT /v1/shop first)',
      'shopProfileRequired',
      'auditNotCompleted',
    ),
    413: problem(413, 'The body is larger than the limit'),
    415: problem(415, 'The body is not application/json'),
    422: problem(422, '`lines` breaks a rule (not whole numbers ≥ 2, more than 5,000)'),
    ...apiKeyErrors,
  },
});
