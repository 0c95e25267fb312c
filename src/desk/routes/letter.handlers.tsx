import type { Context } from 'hono';
import { asLanguage } from '../i18n/lang';
import { letterCarrier } from '../i18n/letter';
import { shipmentFacts } from '../views/parts/shipment-facts';
import { LetterPage } from '../views/letter';
import type { DeskEnv } from './desk-env';
import { renderError, renderPage } from './render';

/**
 * GET /desk/claims/:id/letter?lang=ru|en (default: the desk's language).
 *
 * @example deskRouter.get('/desk/claims/:id/letter', claimLetter);
 */
export async function claimLetter(c: Context<DeskEnv>) {
  const id = c.req.param('id') ?? '';
  if (!/^clm_[0-9a-f]{32}$/.test(id)) return renderError(c, 'notFound');
  const lang = asLanguage(c.req.query('lang')) ?? c.get('lang');
  const { claims, shops } = c.var.services;
  const claim = await claims.get(c.var.principal, id);
  const sender = await shops.find(claim.shopId);
  const page = (
    <LetterPage
      lang={lang}
      claim={claim}
      carrier={letterCarrier(lang, claim.carrier)}
      sender={sender}
      facts={shipmentFacts(claim.shipment)}
      today={claims.today()}
    />
  );
  return renderPage(c, page);
}
