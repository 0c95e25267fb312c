/**
 * The sections of the phone-claim form. All sections are always there (the
 * form works without JavaScript); the type-specific ones say which type they are
 * for, and the stylesheet hides those of the other types (CSS `:has()` on the
 * type select). The server reads only the chosen type's fields.
 */
import { carrierChoices } from '../../forms/carrier-choices';
import type { FieldErrors } from '../../forms/field-errors';
import { EVIDENCE_ROWS } from '../../forms/filing-form';
import { filingFor } from '../../i18n/filing';
import { labelsFor } from '../../i18n/labels';
import type { Language } from '../../i18n/lang';
import { CLAIM_TYPES } from '../../../domain/claim';
import { EVIDENCE_KINDS } from '../../../domain/evidence';
import { CURRENCY_CODES } from '../../../domain/money';
import { filesFor } from '../../i18n/files';
import { ACCEPT_FILES } from '../../../services/file-types';
import {
  CheckboxField,
  FileField,
  SelectField,
  TextArea,
  TextField,
  type Choice,
} from '../parts/fields';

export interface SectionProps {
  lang: Language;
  values: Record<string, string>;
  errors: FieldErrors;
  /** The shops to pick from; empty: the shop id is typed. */
  shops?: readonly Choice[] | undefined;
}

/** The id of a form field's input. @example fieldId('evidence.0.name') // 'f-evidence-0-name' */
export const fieldId = (name: string) => `f-${name.replaceAll('.', '-')}`;

const bind = (p: SectionProps, name: string) => ({
  id: fieldId(name),
  name,
  lang: p.lang,
  value: p.values[name],
  error: p.errors[name],
});

/**
 * Shop, type, carrier, waybill, dates, currency and delivery cost.
 *
 * @example <ShipmentSection lang="en" values={values} errors={{}} />
 */
export function ShipmentSection(p: SectionProps) {
  const m = filingFor(p.lang);
  const l = labelsFor(p.lang);
  return (
    <fieldset>
      <legend>{m.shipment}</legend>
      <div class="grid">
        {p.shops && p.shops.length > 0 ? (
          <SelectField
            {...bind(p, 'shopId')}
            label={m.shopId}
            hint={m.shopHint}
            required
            emptyChoice={m.chooseShop}
            choices={p.shops}
          />
        ) : (
          <TextField {...bind(p, 'shopId')} label={m.shopId} hint={m.shopHint} required />
        )}
        <SelectField
          {...bind(p, 'type')}
          label={m.type}
          required
          choices={CLAIM_TYPES.map((t) => ({ value: t, label: l.type[t] }))}
        />
        <SelectField
          {...bind(p, 'carrier')}
          label={m.carrier}
          required
          choices={carrierChoices(p.lang)}
        />
        <TextField {...bind(p, 'waybill')} label={m.waybill} required />
        <TextField {...bind(p, 'orderId')} label={m.orderId} />
        <TextField {...bind(p, 'shippedDate')} type="date" label={m.shippedDate} required />
        <SelectField
          {...bind(p, 'currency')}
          label={m.currency}
          required
          choices={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
        />
        <TextField
          {...bind(p, 'deliveryCost')}
          label={m.deliveryCost}
          hint={m.amountHint}
          inputmode="decimal"
          required
        />
      </div>
    </fieldset>
  );
}

/**
 * The customer who phoned: name, e-mail, phone, their account.
 *
 * @example <CustomerSection lang="en" values={values} errors={{}} />
 */
export function CustomerSection(p: SectionProps) {
  const m = filingFor(p.lang);
  return (
    <fieldset>
      <legend>{m.customer}</legend>
      <div class="grid">
        <TextField
          {...bind(p, 'claimantName')}
          label={m.claimantName}
          autocomplete="off"
          required
        />
        <TextField {...bind(p, 'claimantEmail')} type="email" label={m.claimantEmail} required />
        <TextField {...bind(p, 'claimantPhone')} type="tel" label={m.claimantPhone} required />
      </div>
      <TextArea {...bind(p, 'description')} label={m.description} required rows={3} />
    </fieldset>
  );
}

/**
 * The dates a late-delivery claim is counted from.
 *
 * @example <LateSection lang="en" values={values} errors={{}} />
 */
export function LateSection(p: SectionProps) {
  const m = filingFor(p.lang);
  return (
    <fieldset class="for-type for-late" data-types="late">
      <legend>{m.late}</legend>
      <p class="hint">{m.lateHint}</p>
      <div class="grid">
        <TextField {...bind(p, 'promisedDate')} type="date" label={m.promisedDate} />
        <TextField
          {...bind(p, 'transitBusinessDays')}
          label={m.transitBusinessDays}
          inputmode="numeric"
        />
        <TextField {...bind(p, 'deliveredDate')} type="date" label={m.deliveredDate} />
        <TextField {...bind(p, 'asOf')} type="date" label={m.asOf} />
      </div>
    </fieldset>
  );
}

/**
 * Insurance and documented value for lost and damaged parcels.
 *
 * @example <LossSection lang="en" values={values} errors={{}} />
 */
export function LossSection(p: SectionProps) {
  const m = filingFor(p.lang);
  return (
    <fieldset class="for-type for-loss" data-types="lost damaged">
      <legend>{m.loss}</legend>
      <div class="for-lost">
        <CheckboxField
          id={fieldId('deliveryPaid')}
          name="deliveryPaid"
          lang={p.lang}
          label={m.deliveryPaid}
          checked={p.values.deliveryPaid === 'true'}
          error={p.errors.deliveryPaid}
        />
      </div>
      <div class="grid">
        <TextField
          {...bind(p, 'declaredValue')}
          label={m.declaredValue}
          hint={m.amountHint}
          inputmode="decimal"
        />
        <TextField {...bind(p, 'documentedValue')} label={m.documentedValue} inputmode="decimal" />
      </div>
    </fieldset>
  );
}

/**
 * A few rows for the documents the customer has, each with an optional file
 * (attached to the evidence entry once the claim is filed); empty rows are ignored.
 *
 * @example <EvidenceSection lang="en" values={values} errors={{}} />
 */
export function EvidenceSection(p: SectionProps) {
  const m = filingFor(p.lang);
  const l = labelsFor(p.lang);
  const kinds = EVIDENCE_KINDS.map((k) => ({ value: k, label: l.evidence[k] }));
  return (
    <fieldset>
      <legend>{m.evidence}</legend>
      {Array.from({ length: EVIDENCE_ROWS }, (_, i) => (
        <fieldset class="row">
          <legend>{m.evidenceRow(i + 1)}</legend>
          <div class="grid">
            <SelectField
              {...bind(p, `evidence.${i}.kind`)}
              label={m.evidenceKind}
              choices={kinds}
            />
            <TextField {...bind(p, `evidence.${i}.name`)} label={m.evidenceName} />
            <TextField {...bind(p, `evidence.${i}.url`)} label={m.evidenceUrl} />
          </div>
          <FileField
            id={fieldId(`evidence.${i}.file`)}
            name={`evidence.${i}.file`}
            lang={p.lang}
            label={filesFor(p.lang).filingFile}
            hint={filesFor(p.lang).filingHint}
            error={p.errors[`evidence.${i}.file`]}
            accept={ACCEPT_FILES}
          />
        </fieldset>
      ))}
    </fieldset>
  );
}
