/**
 * The order page, the late-shipments queue, and filing a claim from a shipment: the form
 * previews what the claim computes (the claim service's `preview`), and files only on
 * confirm (its `file`, with an idempotency key minted for the preview, so a double submit
 * files once).
 */
import type { Context } from 'hono';
import { carrierName } from '../../domain/policies';
import { CLAIM_TYPES } from '../../domain/claim';
import { orderHref, LateQueuePage } from '../views/late-queue';
import { ClaimPreviewPage, type ClaimPreviewProps } from '../views/order/claim-preview';
import { OrderPage, type FailedShipmentClaim } from '../views/order/order-page';
import { domainIssues, inLanguage, type FieldIssues } from '../forms/field-errors';
import { shipmentClaimFieldFor, shipmentClaimRequest } from '../forms/shipment-claim-form';
import type { DeskEnv } from './desk-env';
import { deskRefusal, firstPageIfBadCursor } from './desk-errors';
import { pathOf, renderPage } from './render';
import { deferOf } from '../../http/defer';

type C = Context<DeskEnv>;

/** Late shipments a page of the desk's queue shows. */
const LATE_PAGE = 20;

/**
 * GET /desk/shipments/late: every shop's late shipments, oldest deadline first.
 * @example deskRouter.get('/desk/shipments/late', lateShipments);
 */
export async function lateShipments(c: C) {
  const cursor = c.req.query('cursor') || undefined;
  const list = (from: string | undefined) =>
    c.var.services.shipments.listLate(
      c.var.principal,
      { limit: LATE_PAGE, cursor: from },
      { defer: deferOf(c) },
    );
  // An edited or foreign cursor: the first page.
  const { page } = await firstPageIfBadCursor(list, cursor);
  const next = page.nextCursor
    ? `/desk/shipments/late?cursor=${encodeURIComponent(page.nextCursor)}`
    : undefined;
  return renderPage(
    c,
    <LateQueuePage
      lang={c.get('lang')}
      path={pathOf(c)}
      csrf={c.get('csrf')}
      shipments={page.items}
      nextHref={next}
    />,
  );
}

/**
 * GET /desk/shops/:shopId/orders/:orderId.
 * @example deskRouter.get('/desk/shops/:shopId/orders/:orderId', showOrder);
 */
export function showOrder(c: C) {
  return orderPage(c, c.req.param('shopId') ?? '', c.req.param('orderId') ?? '');
}

/** The order page; with a shipment's refused claim form, its values and errors (422). */
async function orderPage(c: C, shopId: string, orderId: string, failed?: FailedShipmentClaim) {
  const order = await c.var.services.shipmentClaims.getOrder(c.var.principal, orderId, shopId);
  const lang = c.get('lang');
  return renderPage(
    c,
    <OrderPage
      lang={lang}
      path={orderHref(shopId, orderId)}
      csrf={c.get('csrf')}
      order={order}
      carrierName={(id) => carrierName(id, lang)}
      failed={failed}
    />,
    failed ? 422 : 200,
  );
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * POST /desk/shops/:shopId/shipments/:shipmentId/claim: without `confirm`, the preview
 * (nothing stored); with it, the claim is filed and the desk shows it (303). A refusal is
 * the order page again (422), the form filled in, each reason beside its field.
 * @example deskRouter.post('/desk/shops/:shopId/shipments/:shipmentId/claim', shipmentClaim);
 */
export async function shipmentClaim(c: C) {
  const shopId = c.req.param('shopId') ?? '';
  const shipmentId = c.req.param('shipmentId') ?? '';
  const body = await c.req.parseBody();
  const values = {
    type: (CLAIM_TYPES as readonly string[]).includes(text(body.type)) ? text(body.type) : 'late',
    description: text(body.description),
    documentedAmount: text(body.documentedAmount),
  };
  const { shipments, shipmentClaims } = c.var.services;
  const shipment = await shipments.getShipment(c.var.principal, shipmentId, shopId);
  const refused = (issues: FieldIssues) =>
    orderPage(c, shopId, shipment.orderId, {
      shipmentId,
      values,
      errors: inLanguage(c.get('lang'), issues),
    });
  const asked = shipmentClaimRequest(values, shipment.deliveryCost.currency);
  if ('issues' in asked) return refused(asked.issues);
  const idempotencyKey = /^[\x21-\x7e]{1,255}$/.test(text(body.idempotencyKey))
    ? text(body.idempotencyKey)
    : `desk-${crypto.randomUUID()}`;
  const props: ClaimPreviewProps = {
    lang: c.get('lang'),
    path: orderHref(shopId, shipment.orderId),
    csrf: c.get('csrf'),
    shopId,
    shipmentId,
    orderId: shipment.orderId,
    values,
    idempotencyKey,
  };
  try {
    if (text(body.confirm) !== 'yes') {
      const preview = await shipmentClaims.preview(
        c.var.principal,
        shipmentId,
        asked.request,
        shopId,
      );
      return await renderPage(c, <ClaimPreviewPage {...props} preview={preview} />);
    }
    const { claim } = await shipmentClaims.file(c.var.principal, shipmentId, asked.request, {
      shopId,
      idempotencyKey,
    });
    return c.redirect(`/desk/claims/${claim.id}?done=filed`, 303);
  } catch (error) {
    const refusal = deskRefusal(error);
    if (!refusal || !('field' in refusal)) throw error;
    return refused(domainIssues(refusal.field, shipmentClaimFieldFor));
  }
}
