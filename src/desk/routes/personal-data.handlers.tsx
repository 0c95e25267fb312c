/**
 * The desk's personal-data pages (issue 25): a shop's destruction acts with the form that
 * erases a person's data on the shop's instruction (a confirm step first), and the printable
 * act. Thin: the personal-data service does the work, as it does for the API.
 */
import type { Context } from 'hono';
import { CodedError } from '../../domain/errors';
import { ErasureRequestSchema, selectorOf } from '../../schemas/personal-data.schema';
import { shopChoices } from '../forms/shop-choices';
import { asLanguage } from '../i18n/lang';
import { ActPage } from '../views/personal-data/act-page';
import {
  actHref,
  ERASE_BY,
  ErasuresPage,
  type EraseBy,
  type ErasureDraft,
} from '../views/personal-data/erasures-page';
import { formStrings } from './claim.handlers';
import type { DeskEnv } from './desk-env';
import { firstPageIfBadCursor } from './desk-errors';
import { pathOf, renderError, renderPage } from './render';

type C = Context<DeskEnv>;
const PAGE_SIZE = 20;
const ACT_ID = /^pde_[0-9A-Za-z]{1,64}$/;

/** The list page of `shopId` (or the picker alone), with the form in the state `draft` says. */
async function listPage(c: C, shopId: string | undefined, draft?: ErasureDraft, status = 200) {
  const { shops, personalData } = c.var.services;
  const cursor = c.req.method === 'GET' ? c.req.query('cursor') || undefined : undefined;
  const list = (from: string | undefined) =>
    personalData.listErasures(c.var.principal, { limit: PAGE_SIZE, cursor: from }, shopId);
  const [choices, retention, listed] = await Promise.all([
    shopChoices(shops),
    shopId === undefined ? undefined : shops.retention(shopId),
    shopId === undefined ? undefined : firstPageIfBadCursor(list, cursor),
  ]);
  const next = listed?.page.cursor;
  const nextHref =
    shopId !== undefined && next !== undefined
      ? `/desk/personal-data?shopId=${encodeURIComponent(shopId)}&cursor=${encodeURIComponent(next)}`
      : undefined;
  return renderPage(
    c,
    <ErasuresPage
      lang={c.get('lang')}
      path={pathOf(c)}
      csrf={c.get('csrf')}
      shops={choices}
      shopId={shopId}
      retention={retention}
      acts={listed?.page.items ?? []}
      nextHref={nextHref}
      draft={draft}
    />,
    status === 422 ? 422 : status === 404 ? 404 : 200,
  );
}

/**
 * GET /desk/personal-data (`?shopId=…`, `&cursor=…`).
 *
 * @example deskRouter.get('/desk/personal-data', personalDataPage);
 */
export const personalDataPage = (c: C) =>
  listPage(c, (c.req.query('shopId') ?? '').trim() || undefined);

const isBy = (value: string | undefined): value is EraseBy =>
  (ERASE_BY as readonly (string | undefined)[]).includes(value);

/**
 * POST /desk/personal-data/erasures (`shopId`, `by`, `value`; `confirm=1` on the second
 * step): the first post only asks to confirm; the confirmed one erases and shows the act
 * (303). A value that is not valid is 422 with the form, an unknown claim or order id 404.
 *
 * @example deskRouter.post('/desk/personal-data/erasures', erasePersonalData);
 */
export async function erasePersonalData(c: C) {
  const form = formStrings(await c.req.parseBody());
  const shopId = (form.shopId ?? '').trim();
  if (!shopId) return listPage(c, undefined);
  const by = isBy(form.by) ? form.by : 'phone';
  const value = (form.value ?? '').trim();
  const parsed = ErasureRequestSchema.safeParse({ [by]: value });
  if (!parsed.success) return listPage(c, shopId, { by, value, refused: 'invalid' }, 422);
  if (form.confirm !== '1') return listPage(c, shopId, { by, value });
  try {
    const { personalData } = c.var.services;
    const act = await personalData.erase(
      c.var.principal,
      selectorOf(parsed.data),
      { kind: 'request' },
      shopId,
    );
    return c.redirect(actHref(act), 303);
  } catch (error) {
    if (!(error instanceof CodedError) || error.code !== 'not-found') throw error;
    return listPage(c, shopId, { by, value, refused: 'notFound' }, 404);
  }
}

/**
 * GET /desk/personal-data/erasures/:id?shopId=…&lang=ru|en: the printable act.
 *
 * @example deskRouter.get('/desk/personal-data/erasures/:id', erasureAct);
 */
export async function erasureAct(c: C) {
  const id = c.req.param('id') ?? '';
  const shopId = (c.req.query('shopId') ?? '').trim();
  if (!ACT_ID.test(id) || !shopId) return renderError(c, 'notFound');
  const lang = asLanguage(c.req.query('lang')) ?? c.get('lang');
  const { personalData, shops } = c.var.services;
  const [{ act, steps }, operator] = await Promise.all([
    personalData.getErasure(c.var.principal, id, shopId),
    shops.find(shopId),
  ]);
  return renderPage(c, <ActPage lang={lang} act={act} steps={steps} operator={operator} />);
}
