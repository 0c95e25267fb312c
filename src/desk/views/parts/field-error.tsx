import { commonFor } from '../../i18n/common';
import type { Language } from '../../i18n/lang';
import { useAutofocus } from './first-error';

/**
 * The error of one field, right under it; the input points at it with
 * aria-describedby so a screen reader reads it with the label. The message is
 * already in the page's language (desk/i18n/field-errors.ts). A form's own error
 * (`formLevel`, no field to blame) takes the focus itself when it is the page's first.
 *
 * @example <FieldError id="f-waybill-error" lang="ru" message="обязательное поле" />
 */
export function FieldError(props: {
  id: string;
  lang: Language;
  message: string | undefined;
  formLevel?: boolean;
}) {
  const focus = useAutofocus(Boolean(props.message) && props.formLevel === true);
  if (!props.message) return null;
  return (
    <p class="field-error" id={props.id} {...(focus ? { tabindex: -1, autofocus: true } : {})}>
      <span>{commonFor(props.lang).errorPrefix} </span>
      <span>{props.message}</span>
    </p>
  );
}

/**
 * The ids an input is described by: its hint and its error, when present.
 *
 * @example describedBy('f-a-hint', undefined && 'f-a-error') // 'f-a-hint'
 */
export const describedBy = (...ids: (string | false | undefined)[]): string | undefined =>
  ids.filter(Boolean).join(' ') || undefined;
