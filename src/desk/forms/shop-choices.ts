/**
 * The shops a clerk may file for by phone, as the picker's choices: every shop with an
 * active API key (the shop service finds them), named by its legal name when it has one.
 */
import type { ShopService } from '../../services/shops';
import type { Choice } from '../views/parts/fields';

/**
 * @example await shopChoices(shops) // [{ value: 'demo-shop', label: 'ООО «Ромашка» (demo-shop)' }]
 */
export async function shopChoices(shops: ShopService): Promise<Choice[]> {
  return (await shops.withActiveKeys()).map(({ shopId, legalName }) => ({
    value: shopId,
    label: legalName ? `${legalName} (${shopId})` : shopId,
  }));
}
