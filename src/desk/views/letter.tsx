import { claimFor } from '../i18n/claim';
import { formatDate, formatMoney } from '../../format';
import { labelsFor } from '../i18n/labels';
import type { Language } from '../i18n/lang';
import { letterFor } from '../i18n/letter';
import { deskLine } from '../i18n/lines';
import type { Fact } from './parts/shipment-facts';
import type { Claim } from '../../domain/claim';
import type { ShopProfile } from '../../domain/shop';
import { PrintFrame } from './parts/print-frame';
import { factText } from './parts/fact-value';

export interface LetterProps {
  /** The letter's language, which may differ from the desk's. */
  lang: Language;
  claim: Claim;
  /** The carrier's name, rules source and claims e-mail, in the letter's language. */
  carrier: { name: string; source: string; email?: string };
  /** The shop as the sender; absent until it sends its profile (then: its id). */
  sender?: ShopProfile | undefined;
  facts: Fact[];
  today: string;
}

/**
 * A printable claim letter (pretenziya) to the carrier: parties, waybill,
 * facts, the calculation line by line, the amount demanded, the enclosures.
 * Its own page frame: everything on it, toolbar included, is in the letter's language.
 *
 * @example <LetterPage lang="ru" claim={claim} carrier={{ name, source }} facts={facts} today="2025-06-16" />
 */
export function LetterPage(props: LetterProps) {
  const { claim, lang, sender } = props;
  const m = letterFor(lang);
  const c = claimFor(lang);
  const l = labelsFor(lang);
  const other = lang === 'ru' ? 'en' : 'ru';
  return (
    <PrintFrame
      lang={lang}
      title={m.title(claim.waybill)}
      toolbar={m.toolbar}
      back={{ href: `/desk/claims/${claim.id}`, text: m.back }}
      other={{
        href: `/desk/claims/${claim.id}/letter?lang=${other}`,
        lang: other,
        text: m.otherLanguage,
      }}
      print={m.print}
      printHint={m.printHint}
    >
      <dl class="parties">
        <dt>{m.to}</dt>
        <dd>
          {props.carrier.name}
          {props.carrier.email ? (
            <>
              <br />
              {m.claimsDesk(props.carrier.email)}
            </>
          ) : null}
        </dd>
        <dt>{m.from}</dt>
        <dd id="letter-sender">
          {sender ? (
            <>
              {sender.legalName}
              <br />
              {m.taxIds(sender.inn, sender.kpp, sender.ogrn)}
              <br />
              {sender.address}
              <br />
              {m.contacts(sender.email, sender.phone)}
            </>
          ) : (
            <>
              {m.shop(claim.shopId)}
              <span class="muted no-print"> {m.noProfile}</span>
            </>
          )}
        </dd>
        <dt>{m.date}</dt>
        <dd>{formatDate(lang, props.today)}</dd>
        <dt>{m.reference}</dt>
        <dd>{claim.id}</dd>
      </dl>
      <h1>{m.heading}</h1>
      <p class="subject">{m.subject(claim.waybill)}</p>
      <p>{m.opening[claim.type](props.carrier.name, formatDate(lang, claim.shippedDate))}</p>
      <h2>{m.facts}</h2>
      <dl class="facts">
        <dt>{c.waybill}</dt>
        <dd>{claim.waybill}</dd>
        {claim.orderId ? (
          <>
            <dt>{c.orderId}</dt>
            <dd>{claim.orderId}</dd>
          </>
        ) : null}
        <dt>{c.shippedDate}</dt>
        <dd>{formatDate(lang, claim.shippedDate)}</dd>
        {props.facts.map((fact) => (
          <>
            <dt>{c.facts[fact.key]}</dt>
            <dd>{factText(lang, fact.value)}</dd>
          </>
        ))}
        <dt>{m.customer}</dt>
        <dd id="letter-customer">
          {claim.b2b === true ? m.businessCustomer(claim.claimant.name) : claim.claimant.name}
        </dd>
      </dl>
      <p class="prose">{claim.description}</p>
      <h2>{m.calculation}</h2>
      <ol class="lines">
        {claim.compensation.lines.map((line) => (
          <li>{deskLine(lang, line)}</li>
        ))}
      </ol>
      <h2>{m.demanded}</h2>
      <p class="demand" id="amount-demanded">
        {m.demand(
          formatMoney(lang, claim.compensation.amount),
          formatDate(lang, claim.answerDueBy),
        )}
      </p>
      <h2>{m.enclosures}</h2>
      {claim.evidence.length === 0 ? (
        <p>{m.noEnclosures}</p>
      ) : (
        <ol class="enclosures">
          {claim.evidence.map((item) => (
            <li>{`${l.evidence[item.kind]}: ${item.name}`}</li>
          ))}
        </ol>
      )}
      <h2>{m.rules}</h2>
      <p class="muted">{props.carrier.source}</p>
      <p class="signature">
        {sender
          ? `${sender.signatory.position}, ${sender.legalName}: ____________________ ${sender.signatory.name}`
          : `${m.signature}: ____________________`}
      </p>
    </PrintFrame>
  );
}
