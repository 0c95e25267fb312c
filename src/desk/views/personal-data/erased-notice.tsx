import type { Language } from '../../i18n/lang';
import { personalDataFor } from '../../i18n/personal-data';
import { useInstant } from '../parts/instant';
import { actHref } from './erasures-page';

/**
 * "Personal data erased on … (act pde_…)" on an erased record's page, the act linked; nothing
 * for a record whose data is kept.
 *
 * @example <ErasedNotice lang="en" shopId={claim.shopId} mark={claim.personalData} />
 */
export function ErasedNotice(props: {
  lang: Language;
  shopId: string;
  mark?: { erasedAt: string; erasureId: string } | undefined;
}) {
  const { mark } = props;
  const at = useInstant(props.lang);
  if (mark === undefined) return null;
  const m = personalDataFor(props.lang);
  return (
    <p class="notice" id="personal-data-erased">
      {m.claimErased(at(mark.erasedAt))} (
      <a href={actHref({ id: mark.erasureId, shopId: props.shopId })}>
        {m.act} {mark.erasureId}
      </a>
      )
    </p>
  );
}
