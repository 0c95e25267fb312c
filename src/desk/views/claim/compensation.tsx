import { claimFor } from '../../i18n/claim';
import { formatMoney } from '../../../format';
import { labelsFor } from '../../i18n/labels';
import type { Language } from '../../i18n/lang';
import { deskLine } from '../../i18n/lines';
import type { ClaimCompensation } from '../../../domain/claim';

/**
 * The computed amount, its parts (loss and damage), and the explanation lines
 * in the page language.
 *
 * @example <Compensation compensation={claim.compensation} lang="ru" headingLevel={2} />
 */
export function Compensation(props: {
  compensation: ClaimCompensation;
  lang: Language;
  id?: string;
}) {
  const { compensation, lang } = props;
  const m = claimFor(lang);
  const l = labelsFor(lang);
  const id = props.id ?? 'compensation';
  return (
    <section aria-labelledby={`${id}-title`} class="card">
      <h2 id={`${id}-title`}>{m.compensation}</h2>
      <p class="amount">
        <span>{m.computedAmount}: </span>
        <strong id={`${id}-amount`}>{formatMoney(lang, compensation.amount)}</strong>
      </p>
      {'components' in compensation && compensation.components.length > 0 ? (
        <>
          <h3>{m.parts}</h3>
          <ul class="parts">
            {compensation.components.map((part) => (
              <li>
                {l.component[part.kind]}: {formatMoney(lang, part.amount)} (
                {part.payable ? m.payable : m.waiting})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{m.explanation}</h3>
      <ol class="lines">
        {compensation.lines.map((line) => (
          <li>{deskLine(lang, line)}</li>
        ))}
      </ol>
    </section>
  );
}
