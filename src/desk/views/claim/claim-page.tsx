import { claimFor } from '../../i18n/claim';
import { labelsFor } from '../../i18n/labels';
import type { Language } from '../../i18n/lang';
import type { ActorNames } from '../../../services/clerk-names';
import type { ClerkMove } from '../../forms/move-form';
import type { Fact } from '../parts/shipment-facts';
import type { Claim, ClaimEvent } from '../../../domain/claim';
import { ErasedNotice } from '../personal-data/erased-notice';
import { Layout } from '../layout';
import { LandOnFirstError } from '../parts/first-error';
import { Cause } from './cause';
import { Compensation } from './compensation';
import { CustomerMessages } from './customer-messages';
import type { CustomerMessage } from '../../../services/messages';
import { Evidence, type FileRefused } from './evidence';
import type { EvidenceFile } from '../../../services/evidence-files';
import { ShipmentFacts } from './facts';
import { History } from './history';
import { Moves, type FailedMove } from './moves';
import { Outcome } from './outcome';
import { Summary } from './summary';
import { CustomerRemedies, type RemediesModel } from './remedies';
import { Casework, type CaseworkModel } from './casework';

export interface ClaimPageProps {
  lang: Language;
  path: string;
  csrf: string;
  claim: Claim;
  history: ClaimEvent[];
  /** Display names of the clerks in the history, the decision and the payment, by actor id. */
  actorNames?: ActorNames | undefined;
  /** The carrier's name in the page language. */
  carrier: string;
  overdue: boolean;
  facts: Fact[];
  /** The forms to offer (the clerk's moves the status allows). */
  moves: ClerkMove[];
  today: string;
  /** The step just done (after a redirect). */
  done?: ClerkMove | 'filed' | undefined;
  /** The version the clerk's stale page showed. */
  conflictSeen?: number | undefined;
  refused?: boolean;
  failed?: FailedMove | undefined;
  /** The cause form came back without one of the causes. */
  causeRefused?: boolean;
  /** The claim's evidence files; undefined when file storage is off. */
  files?: EvidenceFile[] | undefined;
  /** The evidence entry whose file was just attached. */
  attached?: string | undefined;
  fileRefused?: FileRefused | undefined;
  /** Customer care: the messages to the customer, and the one just marked sent. */
  messages?: CustomerMessage[] | undefined;
  sent?: string | undefined;
  /** The customer's remedies; undefined: the section is not shown. */
  remedies?: RemediesModel | undefined;
  /** The assignee form and the internal notes. */
  casework?: CaseworkModel | undefined;
}

/**
 * Everything about one claim, and the forms to move it on.
 *
 * @example <ClaimPage {...model} />
 */
export function ClaimPage(props: ClaimPageProps) {
  const { claim, lang } = props;
  const m = claimFor(lang);
  const status = labelsFor(lang).status[claim.status];
  return (
    <Layout lang={lang} title={m.title(claim.waybill)} path={props.path} csrf={props.csrf}>
      <LandOnFirstError>
        <h1>{m.title(claim.waybill)}</h1>
        <ErasedNotice lang={lang} shopId={claim.shopId} mark={claim.personalData} />
        {props.done ? (
          <p class="notice success" role="status">
            {m.done[props.done]}
          </p>
        ) : null}
        {props.conflictSeen !== undefined ? (
          <p class="notice error" role="alert" id="conflict">
            {m.conflict(props.conflictSeen, claim.version, status)}
          </p>
        ) : null}
        {props.refused ? (
          <p class="notice error" role="alert">
            {m.refused}
          </p>
        ) : null}
        <p class="letter-links">
          <span>{m.letter}: </span>
          <a href={`/desk/claims/${claim.id}/letter?lang=en`} hreflang="en">
            {m.letterEn}
          </a>
          {' · '}
          <a href={`/desk/claims/${claim.id}/letter?lang=ru`} hreflang="ru">
            {m.letterRu}
          </a>
        </p>
        <div class="columns">
          <div>
            <Summary claim={claim} lang={lang} carrier={props.carrier} overdue={props.overdue} />
            {props.casework ? (
              <Casework claim={claim} lang={lang} csrf={props.csrf} model={props.casework} />
            ) : null}
            <Moves
              moves={props.moves}
              claim={claim}
              lang={lang}
              csrf={props.csrf}
              today={props.today}
              failed={props.failed}
            />
            <Outcome claim={claim} names={props.actorNames ?? new Map()} lang={lang} />
            <CustomerRemedies claim={claim} model={props.remedies} lang={lang} csrf={props.csrf} />
            <Cause claim={claim} lang={lang} csrf={props.csrf} refused={props.causeRefused} />
          </div>
          <div>
            <Compensation compensation={claim.compensation} lang={lang} />
            <Evidence
              claim={claim}
              lang={lang}
              csrf={props.csrf}
              files={props.files}
              attached={props.attached}
              fileRefused={props.fileRefused}
            />
            <ShipmentFacts claim={claim} facts={props.facts} lang={lang} />
          </div>
        </div>
        <CustomerMessages
          claim={claim}
          lang={lang}
          csrf={props.csrf}
          messages={props.messages}
          sent={props.sent}
        />
        <History
          events={props.history}
          claim={claim}
          names={props.actorNames ?? new Map()}
          lang={lang}
        />
      </LandOnFirstError>
    </Layout>
  );
}
