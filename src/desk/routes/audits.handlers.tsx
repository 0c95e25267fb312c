/**
 * The desk's audit pages (issue 24): a shop's audits and the upload form, one audit with its
 * totals, rows and "file all", the progress JSON its script polls, and the rows' CSV. Every
 * call goes to the audit service the API uses (src/services/audits.ts), as the clerk.
 *
 * The upload is a multipart form, so the file arrives whole in the parsed body (the CSRF
 * check reads the form first): it is handed to the service as a stream from there, and the
 * service streams it on to R2 in parts. The API's POST /v1/audits never buffers it.
 */
import type { Context } from 'hono';
import { AUDIT_FINDINGS, type AuditFinding } from '../../domain/audit/types';
import type { AuditView } from '../../domain/audit/view';
import { CodedError } from '../../domain/errors';
import { AuditError } from '../../services/audit-errors';
import { attachment } from '../../services/evidence-files';
import { shopChoices } from '../forms/shop-choices';
import { auditsFor } from '../i18n/audits';
import { AuditPage, isBusy, workPercent } from '../views/audit/audit-page';
import { AUDITS_PATH, AuditsPage, type UploadErrors } from '../views/audit/audits-page';
import type { DeskEnv } from './desk-env';
import { firstPageIfBadCursor } from './desk-errors';
import { formStrings } from './claim.handlers';
import { pathOf, renderError, renderPage } from './render';
import { uploadOf, uploadOptions, type UploadForm } from '../forms/audit-upload-form';

type C = Context<DeskEnv>;

/** The audit service over this request's bindings (the AUDIT_FILES bucket, the AUDIT_JOBS queue). */
const auditsOf = (c: C) => c.var.services.audits(c.env);

/** Audits a listing page shows; rows an audit page shows. */
const AUDITS_PAGE = 20;
const ROWS_PAGE = 50;
/** An audit id as the service mints them (`aud_` + hex); anything else is not found. */
const AUDIT_ID = /^aud_[0-9a-z]{1,64}$/;

/** @example auditHref('aud_1') // '/desk/audits/aud_1' */
export const auditHref = (id: string, query: Record<string, string> = {}): string => {
  const search = new URLSearchParams(query).toString();
  return `${AUDITS_PATH}/${id}${search ? `?${search}` : ''}`;
};

const findingOf = (value: string | undefined): AuditFinding | undefined =>
  (AUDIT_FINDINGS as readonly string[]).includes(value ?? '') ? (value as AuditFinding) : undefined;

/** The listing with the upload form; `form` when a post was refused (its values and errors). */
async function auditsPage(c: C, form?: UploadForm, status: 200 | 413 | 415 | 422 = 200) {
  const shopId = (c.req.query('shop') ?? '').trim() || undefined;
  const cursor = c.req.query('cursor') || undefined;
  const list = (from: string | undefined) =>
    auditsOf(c).list(c.var.principal, { shopId, limit: AUDITS_PAGE, cursor: from });
  const { page, restarted } = shopId
    ? await firstPageIfBadCursor(list, cursor)
    : { page: { items: [] as AuditView[] }, restarted: false };
  const next = page.nextCursor
    ? `${AUDITS_PATH}?${new URLSearchParams({ shop: shopId ?? '', cursor: page.nextCursor }).toString()}`
    : undefined;
  return renderPage(
    c,
    <AuditsPage
      lang={c.get('lang')}
      path={pathOf(c)}
      csrf={c.get('csrf')}
      shops={await shopChoices(c.var.services.shops)}
      shopId={shopId}
      audits={page.items}
      auditHref={(a) => auditHref(a.id)}
      nextHref={next}
      badCursor={restarted}
      {...(form ? { values: form.values, errors: form.errors } : {})}
    />,
    status,
  );
}

/**
 * GET /desk/audits?shop=…: the shop chooser; with a shop, its audits and the upload form.
 * @example deskRouter.get('/desk/audits', auditsList);
 */
export const auditsList = (c: C) => auditsPage(c);

/** What a refusal of the service says beside which field, and the page's status. */
function uploadRefusal(c: C, error: AuditError): { errors: UploadErrors; status: 413 | 415 | 422 } {
  const m = auditsFor(c.get('lang'));
  if (error.code === 'audit-file-too-large') return { errors: { file: m.tooLarge }, status: 413 };
  if (error.code === 'audit-file-unsupported') return { errors: { file: m.notCsv }, status: 415 };
  const parameter = error.blamed && 'parameter' in error.blamed ? error.blamed.parameter : '';
  if (parameter === 'columns') return { errors: { columns: error.message }, status: 422 };
  if (parameter === 'tolerance') return { errors: { tolerance: error.message }, status: 422 };
  if (parameter === 'carrier') return { errors: { carrier: error.message }, status: 422 };
  return { errors: { file: error.message }, status: 422 };
}

/**
 * POST /desk/audits?shop=… (multipart: `file`, `carrier`, `tolerance`, `columns`): 303 to
 * the new audit's page; a refused form is shown again with the reason beside its field.
 * @example deskRouter.post('/desk/audits', uploadAudit);
 */
export async function uploadAudit(c: C) {
  const shopId = (c.req.query('shop') ?? '').trim();
  if (!shopId) return c.redirect(AUDITS_PATH, 303);
  const body = await c.req.parseBody();
  const form = uploadOptions(c.get('lang'), formStrings(body), body.file);
  if (form.errors) return auditsPage(c, form, 422);
  const audits = auditsOf(c);
  try {
    const audit = await audits.start(c.var.principal, uploadOf(form.file), form.options, shopId);
    return c.redirect(auditHref(audit.id), 303);
  } catch (error) {
    if (error instanceof AuditError && error.code !== 'audit-storage-off') {
      const refusal = uploadRefusal(c, error);
      return auditsPage(c, { values: form.values, errors: refusal.errors }, refusal.status);
    }
    throw error;
  }
}

/** The audit page: its rows filtered and paged as the query says. */
async function auditPage(c: C, id: string, refused?: string, status: 200 | 409 = 200) {
  const { principal } = c.var;
  const finding = findingOf(c.req.query('finding'));
  const cursor = c.req.query('cursor') || undefined;
  const audit = await auditsOf(c).get(principal, id);
  const rowsOf = (from: string | undefined) =>
    auditsOf(c).rows(principal, id, { finding, cursor: from, limit: ROWS_PAGE });
  const { page, restarted } = await firstPageIfBadCursor(rowsOf, cursor);
  const filter = (f: AuditFinding | undefined): Record<string, string> => (f ? { finding: f } : {});
  const next = page.nextCursor
    ? auditHref(id, { ...filter(finding), cursor: page.nextCursor })
    : undefined;
  return renderPage(
    c,
    <AuditPage
      lang={c.get('lang')}
      path={pathOf(c)}
      csrf={c.get('csrf')}
      audit={audit}
      pollHref={`${auditHref(id)}/progress`}
      rows={{
        rows: page.items,
        finding,
        filterHref: (f) => `${auditHref(id, filter(f))}#rows`,
        nextHref: next && `${next}#rows`,
        csvHref: `${auditHref(id)}/rows.csv${finding ? `?finding=${finding}` : ''}`,
        badCursor: restarted,
      }}
      fileAll={{
        confirming: c.req.query('confirm') === 'file',
        confirmHref: `${auditHref(id, { confirm: 'file' })}#file-all`,
        cancelHref: `${auditHref(id)}#file-all`,
        action: `${auditHref(id)}/claims`,
        refused,
      }}
    />,
    status,
  );
}

/** The id of the path, if it can be an audit's. */
const idOf = (c: C): string | undefined => {
  const id = c.req.param('id') ?? '';
  return AUDIT_ID.test(id) ? id : undefined;
};

/**
 * GET /desk/audits/:id (`finding`, `cursor`, `confirm=file`).
 * @example deskRouter.get('/desk/audits/:id', showAudit);
 */
export function showAudit(c: C) {
  const id = idOf(c);
  return id ? auditPage(c, id) : renderError(c, 'notFound');
}

/**
 * GET /desk/audits/:id/progress: what the page's progress script needs, as JSON.
 * @example deskRouter.get('/desk/audits/:id/progress', auditProgress);
 */
export async function auditProgress(c: C) {
  const id = idOf(c);
  if (!id) return c.json({ status: 'not-found' }, 404);
  const audit = await auditsOf(c).get(c.var.principal, id);
  const m = auditsFor(c.get('lang'));
  const text =
    audit.status === 'processing'
      ? m.progressText(audit.progress.percent, audit.rows.read)
      : m.filingCounts(audit.filing ?? { requested: 0, filed: 0, skipped: 0, failed: 0 });
  return c.json({
    status: audit.status,
    busy: isBusy(audit),
    percent: workPercent(audit),
    text,
    ...(audit.filing ? { filing: audit.filing } : {}),
  });
}

/**
 * GET /desk/audits/:id/rows.csv (`finding`): the service's export, streamed as it comes.
 * @example deskRouter.get('/desk/audits/:id/rows.csv', auditRowsCsv);
 */
export async function auditRowsCsv(c: C) {
  const id = idOf(c);
  if (!id) return renderError(c, 'notFound');
  const finding = findingOf(c.req.query('finding'));
  const csv = await auditsOf(c).rowsCsv(c.var.principal, id, { finding });
  return c.body(csv.body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': attachment(csv.fileName),
  });
}

/**
 * POST /desk/audits/:id/claims (the confirm step's form): starts filing every owed row,
 * then 303 back to the audit, whose counters show the filing; a refusal (no shop profile,
 * the file still read) is the page with the reason (409).
 * @example deskRouter.post('/desk/audits/:id/claims', fileAllClaims);
 */
export async function fileAllClaims(c: C) {
  const id = idOf(c);
  if (!id) return renderError(c, 'notFound');
  const m = auditsFor(c.get('lang'));
  try {
    await auditsOf(c).fileClaims(c.var.principal, id, {});
  } catch (error) {
    if (!(error instanceof CodedError)) throw error;
    if (error.code === 'shop-profile-required') return auditPage(c, id, m.profileRequired, 409);
    if (error.code === 'audit-not-completed') return auditPage(c, id, m.notCompleted, 409);
    throw error;
  }
  return c.redirect(`${auditHref(id)}#file-all`, 303);
}
