/**
 * New claim by phone: the API's filing, for a shop the clerk names. "Calculate"
 * runs the same preparation as filing and stores nothing; "File" files with
 * the form's idempotency key, so a double submit files once, then attaches
 * each row's file (checked before filing) to its evidence entry.
 */
import type { Context } from 'hono';
import { CSRF_FIELD } from '../session/csrf';
import { domainIssues, inLanguage, schemaIssues } from '../forms/field-errors';
import { EVIDENCE_ROWS, filingFieldFor, filingFromForm, ShopIdSchema } from '../forms/filing-form';
import type { FieldErrors } from '../forms/field-errors';
import { filesFor } from '../i18n/files';
import { filingFor } from '../i18n/filing';
import { shopChoices } from '../forms/shop-choices';
import type { ClaimSummary } from '../../storage/repository';
import type { Language } from '../i18n/lang';
import type { Claim } from '../../domain/claim';
import { checkFile, EvidenceFileError, safeFileName } from '../../services/evidence-files';
import { attach, uploadOf } from './evidence-files.handlers';
import { PARSE_OPTIONS } from '../../http/field-issues';
import { FileClaimSchema } from '../../schemas/claim.schema';
import { NewClaimPage, type NewClaimProps } from '../views/new-claim/new-claim-page';
import type { DeskEnv } from './desk-env';
import { deskRefusal } from './desk-errors';
import { renderPage } from './render';

type C = Context<DeskEnv>;
const KEY = /^desk-[0-9a-f-]{36}$/;

async function page(
  c: C,
  values: Record<string, string>,
  extra: Partial<NewClaimProps>,
  status: 200 | 409 | 422 = 200,
) {
  const shops = extra.shops ?? (await knownShops(c));
  const view = (
    <NewClaimPage
      lang={c.get('lang')}
      path="/desk/new-claim"
      csrf={c.get('csrf')}
      values={values}
      errors={{}}
      {...extra}
      shops={shops}
    />
  );
  return renderPage(c, view, status);
}

/** The shops the picker offers: those with an API key. */
const knownShops = (c: C) => shopChoices(c.var.services.shops);

/** The claims a waybill already has, any shop's (the byWaybill index: one Query). */
async function claimsOnWaybill(c: C, waybill: string): Promise<ClaimSummary[]> {
  const page = await c.var.services.claims.list(c.var.principal, { waybill, limit: 20 });
  return page.items;
}

/**
 * The file chosen in each evidence row (by row number). A row with a file and
 * no name is named after the file, so choosing a file is enough to file it.
 */
function rowFiles(body: Record<string, unknown>, values: Record<string, string>) {
  const files = new Map<number, File>();
  for (let row = 0; row < EVIDENCE_ROWS; row++) {
    const file = body[`evidence.${row}.file`];
    if (!(file instanceof File) || file.size === 0) continue;
    files.set(row, file);
    const name = `evidence.${row}.name`;
    if (!values[name]?.trim()) values[name] = safeFileName(file.name) ?? file.name;
  }
  return files;
}

/** Each chosen file the evidence-file service would refuse, as the error beside its row. */
async function refusedFiles(files: Map<number, File>, lang: Language): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  for (const [row, file] of files) {
    try {
      const upload = await uploadOf(file);
      checkFile(await upload.read(), upload.contentType);
    } catch (error) {
      if (!(error instanceof EvidenceFileError)) throw error;
      errors[`evidence.${row}.file`] = filesFor(lang).refused[error.code];
    }
  }
  return errors;
}

/**
 * Attaches each row's file to the evidence entry the row became (the filing's
 * evidence is numbered in row order). A replayed filing already has its files;
 * any file not attached is offered again on the claim page.
 */
async function attachFiles(c: C, claim: Claim, rows: number[], files: Map<number, File>) {
  for (const [k, row] of rows.entries()) {
    const file = files.get(row);
    const entry = claim.evidence[k];
    if (!file || !entry) continue;
    try {
      await attach(c, c.var.principal, claim.id, entry.id, file);
    } catch (error) {
      if (!(error instanceof EvidenceFileError)) throw error;
    }
  }
}

/**
 * GET /desk/new-claim: an empty form with a fresh idempotency key.
 *
 * @example deskRouter.get('/desk/new-claim', newClaimForm);
 */
export async function newClaimForm(c: C) {
  const defaults = {
    type: 'lost',
    carrier: 'cdek',
    currency: 'RUB',
    deliveryPaid: 'true',
    idempotencyKey: `desk-${crypto.randomUUID()}`,
  };
  return await page(c, defaults, {});
}

/**
 * POST /desk/new-claim (intent=calculate|file): the preview, the filed
 * claim (303 to it), or the form again with each error beside its field (422).
 *
 * @example deskRouter.post('/desk/new-claim', newClaim);
 */
export async function newClaim(c: C) {
  const body = await c.req.parseBody();
  const values = Object.fromEntries(
    Object.entries(body).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== CSRF_FIELD,
    ),
  );
  if (!KEY.test(values.idempotencyKey ?? '')) values.idempotencyKey = `desk-${crypto.randomUUID()}`;
  const files = rowFiles(body, values);
  const { body: filingBody, evidenceRows, unreadAmounts } = filingFromForm(values);
  const shop = ShopIdSchema.safeParse(values.shopId ?? '', PARSE_OPTIONS);
  const filing = FileClaimSchema.safeParse(filingBody, PARSE_OPTIONS);
  const fieldOf = (path: readonly PropertyKey[]) => filingFieldFor(path, evidenceRows);
  const lang = c.get('lang');
  const shops = await knownShops(c);
  if (!shop.success || !filing.success || Object.keys(unreadAmounts).length > 0) {
    const issues = {
      ...(shop.success ? {} : schemaIssues(shop.error, () => 'shopId')),
      ...(filing.success ? {} : schemaIssues(filing.error, fieldOf)),
      ...unreadAmounts,
    };
    return page(c, values, { shops, errors: inLanguage(lang, issues) }, 422);
  }
  if (shops.length > 0 && !shops.some((choice) => choice.value === shop.data)) {
    return page(c, values, { shops, errors: { shopId: filingFor(lang).unknownShop } }, 422);
  }
  const { claims } = c.var.services;
  const options = { shopId: shop.data, idempotencyKey: values.idempotencyKey };
  try {
    const preview = claims.preview(c.var.principal, filing.data, options);
    const duplicates = await claimsOnWaybill(c, filing.data.waybill);
    if (values.intent !== 'file') return page(c, values, { shops, preview, duplicates });
    // A waybill with claims is filed again only once the clerk has said it is another case.
    if (duplicates.length > 0 && values.fileAnyway !== 'true') {
      const errors = { fileAnyway: filingFor(lang).fileAnywayRequired };
      return page(c, values, { shops, preview, duplicates, errors }, 409);
    }
    // The files are checked before anything is filed: a refused one is said beside its row.
    const fileErrors = await refusedFiles(files, lang);
    if (Object.keys(fileErrors).length > 0) {
      return page(c, values, { shops, errors: fileErrors }, 422);
    }
    const { claim } = await claims.file(c.var.principal, filing.data, options);
    await attachFiles(c, claim, evidenceRows, files);
    return c.redirect(`/desk/claims/${claim.id}?done=filed`, 303);
  } catch (error) {
    const refusal = deskRefusal(error);
    if (refusal && 'keyUsed' in refusal) {
      return page(c, values, { shops, alreadyUsed: true }, 409);
    }
    if (refusal && 'exists' in refusal) {
      return page(c, values, { shops, existingClaimId: refusal.exists }, 409);
    }
    if (!refusal || !('field' in refusal)) throw error;
    // The pointer is into the filing body, as the API answers it.
    const errors = inLanguage(lang, domainIssues(refusal.field, fieldOf));
    return page(c, values, { shops, errors }, 422);
  }
}
