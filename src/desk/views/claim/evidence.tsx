import { claimFor } from '../../i18n/claim';
import { formatInstant } from '../../i18n/format';
import { labelsFor } from '../../i18n/labels';
import type { Language } from '../../i18n/lang';
import type { Claim } from '../../../domain/claim';

/**
 * The evidence given and the checklist of what is still missing.
 *
 * @example <Evidence claim={claim} lang="en" />
 */
export function Evidence(props: { claim: Claim; lang: Language }) {
  const { claim, lang } = props;
  const m = claimFor(lang);
  const l = labelsFor(lang);
  return (
    <section aria-labelledby="evidence-title" class="card">
      <h2 id="evidence-title">{m.evidence}</h2>
      {claim.evidence.length === 0 ? (
        <p>{m.noEvidence}</p>
      ) : (
        <ul class="evidence" id="evidence-list">
          {claim.evidence.map((item) => (
            <li>
              <strong>{l.evidence[item.kind]}</strong>:{' '}
              {item.url ? (
                <a href={item.url} rel="noreferrer noopener" target="_blank">
                  {item.name}
                </a>
              ) : (
                item.name
              )}{' '}
              <span class="muted">
                ({m.added} {formatInstant(lang, item.addedAt)})
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>{m.missing}</h3>
      {claim.missingEvidence.length === 0 ? (
        <p id="missing-evidence">{m.nothingMissing}</p>
      ) : (
        <ul class="missing" id="missing-evidence">
          {claim.missingEvidence.map((kind) => (
            <li>{l.evidence[kind]}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
