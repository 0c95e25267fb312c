/**
 * New claim by phone: the API's filing, for a shop the clerk names. "Calculate"
 * runs the same preparation as filing and stores nothing; "File" files with
 * the form's idempotency key, so a double submit files once.
 */
import type { Context } from 'hono';
import { CSRF_FIELD } from '../csrf';
import { domainIssues, inLanguage, schemaIssues } from '../field-errors';
import { filingFieldFor, filingFromForm, ShopIdSchema } from '../filing-form';
import { PARSE_OPTIONS } from '../../http/field-issues';
import { FileClaimSchema } from '../../schemas/claim.schema';
import { NewClaimPage, type NewClaimProps } from '../views/new-claim/new-claim-page';
import type { DeskEnv } from './desk-env';
import { deskRefusal } from './desk-errors';
import { renderPage } from './render';

type C = Context<DeskEnv>;
const KEY = /^desk-[0-9a-f-]{36}$/;

function page(
  c: C,
  values: Record<string, string>,
  extra: Partial<NewClaimProps>,
  status: 200 | 409 | 422 = 200,
) {
  const view = (
    <NewClaimPage
      lang={c.get('lang')}
      path="/desk/new-claim"
      csrf={c.get('csrf')}
      values={values}
      errors={{}}
      {...extra}
    />
  );
  return renderPage(c, view, status);
}

/**
 * GET /desk/new-claim: an empty form with a fresh idempotency key.
 *
 * @example deskRouter.get('/desk/new-claim', newClaimForm);
 */
export function newClaimForm(c: C) {
  const defaults = {
    type: 'lost',
    carrier: 'cdek',
    currency: 'RUB',
    deliveryPaid: 'true',
    idempotencyKey: `desk-${crypto.randomUUID()}`,
  };
  return page(c, defaults, {});
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
  const { body: filingBody, evidenceRows } = filingFromForm(values);
  const shop = ShopIdSchema.safeParse(values.shopId ?? '', PARSE_OPTIONS);
  const filing = FileClaimSchema.safeParse(filingBody, PARSE_OPTIONS);
  const fieldOf = (path: readonly PropertyKey[]) => filingFieldFor(path, evidenceRows);
  const lang = c.get('lang');
  if (!shop.success || !filing.success) {
    const issues = {
      ...(shop.success ? {} : schemaIssues(shop.error, () => 'shopId')),
      ...(filing.success ? {} : schemaIssues(filing.error, fieldOf)),
    };
    return page(c, values, { errors: inLanguage(lang, issues) }, 422);
  }
  const { claims } = c.var.services;
  const options = { shopId: shop.data, idempotencyKey: values.idempotencyKey };
  try {
    if (values.intent !== 'file') {
      return page(c, values, { preview: claims.preview(c.var.principal, filing.data, options) });
    }
    const { claim } = await claims.file(c.var.principal, filing.data, options);
    return c.redirect(`/desk/claims/${claim.id}?done=filed`, 303);
  } catch (error) {
    const refusal = deskRefusal(error);
    if (refusal && 'keyUsed' in refusal) return page(c, values, { alreadyUsed: true }, 409);
    if (refusal && 'exists' in refusal) {
      return page(c, values, { existingClaimId: refusal.exists }, 409);
    }
    if (!refusal || !('field' in refusal)) throw error;
    // The pointer is into the filing body, as the API answers it.
    return page(c, values, { errors: inLanguage(lang, domainIssues(refusal.field, fieldOf)) }, 422);
  }
}
