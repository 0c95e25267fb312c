import { CSRF_FIELD } from '../../session/csrf';
import { analyticsFor } from '../../i18n/analytics';
import type { Language } from '../../i18n/lang';
import { CLAIM_CAUSES, type Claim } from '../../../domain/claim';
import { SelectField } from '../parts/fields';

/**
 * The claim's cause, and the form that corrects it (over the version this page shows);
 * `refused`: the form came back without one of the causes.
 * @example <Cause claim={claim} lang="en" csrf={token} />
 */
export function Cause(props: { claim: Claim; lang: Language; csrf: string; refused?: boolean }) {
  const { claim, lang } = props;
  const m = analyticsFor(lang);
  const choices = CLAIM_CAUSES.map((cause) => ({ value: cause, label: m.causes[cause] }));
  return (
    <section aria-labelledby="cause-title" class="card" id="cause">
      <h2 id="cause-title">{m.causeTitle}</h2>
      <form method="post" action={`/desk/claims/${claim.id}/cause`}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <input type="hidden" name="version" value={String(claim.version)} />
        <SelectField
          id="cause-select"
          name="cause"
          label={m.causeLabel}
          lang={lang}
          value={claim.cause}
          choices={choices}
          hint={m.causeHint}
          error={props.refused ? m.causeRequired : undefined}
          required
          {...(claim.cause === undefined ? { emptyChoice: m.causeNone } : {})}
        />
        <button type="submit">{m.causeSubmit}</button>
      </form>
    </section>
  );
}
