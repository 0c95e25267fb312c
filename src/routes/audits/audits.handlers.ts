/**
 * The audit operations: thin handlers over the audit service (src/services/audits.ts). The
 * upload hands the request's body stream to the service as it is (never read here).
 */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuditField } from '../../domain/audit/types';
import type { AuditOptions } from '../../domain/audit/view';
import type { HonoEnv } from '../../hono-env';
import { AuditError } from '../../services/audit-errors';
import { attachment } from '../../services/evidence-files';
import type * as routes from './audits.routes';

type Handler<R extends RouteConfig> = RouteHandler<R, HonoEnv>;

const auditsOf = (c: Context<HonoEnv>) => c.var.services.audits(c.env);

/** `columns` as sent: a JSON object of strings, else a 400 naming it. */
function columnsOf(text: string | undefined): AuditOptions['columns'] {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((v) => typeof v === 'string' && v.length > 0 && v.length <= 200);
  if (!valid) {
    const detail = 'columns must be a JSON object of field → header (non-empty strings).';
    throw new AuditError('audit-request-invalid', detail, {
      parameter: 'columns',
      code: 'invalid',
      detail,
    });
  }
  return parsed as Partial<Record<AuditField, string>>;
}

export const createAuditHandler: Handler<typeof routes.createAuditRoute> = async (c) => {
  const query = c.req.valid('query');
  const columns = columnsOf(query.columns);
  const options: AuditOptions = {
    ...(query.carrier === undefined ? {} : { carrier: query.carrier }),
    ...(query.tolerance === undefined ? {} : { overchargeTolerancePercent: query.tolerance }),
    ...(query.lostAfterDays === undefined ? {} : { lostAfterDays: Number(query.lostAfterDays) }),
    ...(query.fileName === undefined ? {} : { fileName: query.fileName }),
    ...(columns === undefined ? {} : { columns }),
  };
  const length = c.req.header('content-length');
  const view = await auditsOf(c).start(
    c.var.principal,
    {
      body: c.req.raw.body,
      contentType: c.req.header('content-type'),
      ...(length === undefined ? {} : { contentLength: Number(length) }),
    },
    options,
    query.shopId,
  );
  c.header('location', `/v1/audits/${view.id}`);
  return c.json(view, 202);
};

export const listAuditsHandler: Handler<typeof routes.listAuditsRoute> = async (c) => {
  const page = await auditsOf(c).list(c.var.principal, c.req.valid('query'));
  return c.json(page, 200);
};

export const getAuditHandler: Handler<typeof routes.getAuditRoute> = async (c) =>
  c.json(await auditsOf(c).get(c.var.principal, c.req.valid('param').id), 200);

export const listAuditRowsHandler: Handler<typeof routes.listAuditRowsRoute> = async (c) => {
  const { id } = c.req.valid('param');
  return c.json(await auditsOf(c).rows(c.var.principal, id, c.req.valid('query')), 200);
};

export const exportAuditRowsHandler: Handler<typeof routes.exportAuditRowsRoute> = async (c) => {
  const { id } = c.req.valid('param');
  const csv = await auditsOf(c).rowsCsv(c.var.principal, id, c.req.valid('query'));
  return c.body(csv.body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': attachment(csv.fileName),
    'cache-control': 'private, no-store',
  });
};

export const fileAuditClaimsHandler: Handler<typeof routes.fileAuditClaimsRoute> = async (c) => {
  const { id } = c.req.valid('param');
  const { lines } = c.req.valid('json') as { lines?: number[] };
  const view = await auditsOf(c).fileClaims(c.var.principal, id, { lines });
  c.header('location', `/v1/audits/${id}`);
  return c.json(view, 202);
};
