import { CSRF_FIELD } from '../../session/csrf';
import type { Language } from '../../i18n/lang';
import { ordersFor } from '../../i18n/orders';
import type { FilingPreview } from '../../../services/claims';
import type { ShipmentClaimValues } from '../../forms/shipment-claim-form';
import { Compensation } from '../claim/compensation';
import { Layout } from '../layout';
import { orderHref } from '../late-queue';
import { claimAction } from './order-page';

export interface ClaimPreviewProps {
  lang: Language;
  path: string;
  csrf: string;
  shopId: string;
  shipmentId: string;
  orderId?: string | undefined;
  /** The form as posted, sent again on confirm. */
  values: ShipmentClaimValues;
  idempotencyKey: string;
  preview?: FilingPreview | undefined;
}

/**
 * What a claim on the shipment computes, before it is filed; confirming files it.
 * @example <ClaimPreviewPage {...props} preview={preview} />
 */
export function ClaimPreviewPage(props: ClaimPreviewProps) {
  const { lang, values } = props;
  const m = ordersFor(lang);
  return (
    <Layout
      lang={lang}
      title={m.previewTitle(props.shipmentId)}
      path={props.path}
      csrf={props.csrf}
    >
      <h1>{m.previewTitle(props.shipmentId)}</h1>
      {props.preview ? (
        <>
          <p>{m.previewIntro}</p>
          <Compensation compensation={props.preview.compensation} lang={lang} />
          <form method="post" action={claimAction(props.shopId, props.shipmentId)}>
            <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
            <input type="hidden" name="type" value={values.type} />
            <input type="hidden" name="description" value={values.description} />
            <input type="hidden" name="documentedAmount" value={values.documentedAmount} />
            <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
            <input type="hidden" name="confirm" value="yes" />
            <div class="actions">
              <button type="submit">{m.confirm}</button>
            </div>
          </form>
        </>
      ) : null}
      {props.orderId ? (
        <p>
          <a href={orderHref(props.shopId, props.orderId)}>{m.back}</a>
        </p>
      ) : null}
    </Layout>
  );
}
