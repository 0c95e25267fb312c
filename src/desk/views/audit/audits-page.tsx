/**
 * A shop's audits, newest first, with the shop chooser the clerk pages use and the upload
 * form (multipart: the file, the carrier of rows without one, the weight tolerance, and an
 * optional mapping of the file's headers to our fields).
 */
import type { AuditView } from '../../../domain/audit/view';
import { carrierName } from '../../../domain/policies';
import { carrierChoices } from '../../forms/carrier-choices';
import { auditsFor } from '../../i18n/audits';
import type { Language } from '../../i18n/lang';
import { CSRF_FIELD } from '../../session/csrf';
import { Layout } from '../layout';
import { FileField, SelectField, TextArea, TextField, type Choice } from '../parts/fields';
import { LandOnFirstError } from '../parts/first-error';
import { Instant } from '../parts/instant';
import { Listing } from '../parts/listing';
import { fileableSums } from './file-all';

/** The upload form's fields, as posted (kept when the form is shown again). */
export interface UploadValues {
  carrier: string;
  tolerance: string;
  /** Days past the promised date after which a parcel still on its way counts as lost ('' : none). */
  lostAfterDays: string;
  columns: string;
}

/** Which upload field a refusal is about, and why (in the page's language). */
export type UploadErrors = Partial<Record<'file' | keyof UploadValues, string>>;

export interface AuditsPageProps {
  lang: Language;
  path: string;
  csrf: string;
  shops: readonly Choice[];
  /** The chosen shop (its audits and the upload go to it); undefined: choose one first. */
  shopId: string | undefined;
  audits: readonly AuditView[];
  auditHref: (audit: AuditView) => string;
  nextHref?: string | undefined;
  badCursor?: boolean;
  values?: UploadValues;
  errors?: UploadErrors;
}

/** Where the upload form posts (the listing's own path, with the shop). */
export const AUDITS_PATH = '/desk/audits';

function AuditRow(props: { lang: Language; audit: AuditView; href: string }) {
  const { lang, audit } = props;
  const m = auditsFor(lang);
  return (
    <tr>
      <td class="date">
        <Instant lang={lang} at={audit.createdAt} />
      </td>
      <th scope="row">
        <a href={props.href}>{audit.options.fileName ?? m.unnamed}</a>
      </th>
      <td>{carrierName(audit.options.carrier ?? 'cdek', lang)}</td>
      <td data-status={audit.status}>{m.statuses[audit.status]}</td>
      <td class="num">{audit.rows.read}</td>
      <td class="num">
        {audit.fileable.count > 0 ? fileableSums(lang, audit.fileable.amount) : m.none}
      </td>
    </tr>
  );
}

function UploadForm(props: AuditsPageProps & { shopId: string }) {
  const { lang } = props;
  const m = auditsFor(lang);
  const values = props.values ?? {
    carrier: 'cdek',
    tolerance: '0',
    lostAfterDays: '',
    columns: '',
  };
  const errors = props.errors ?? {};
  const action = `${AUDITS_PATH}?shop=${encodeURIComponent(props.shopId)}`;
  // The option fields differ only by name: label, hint, value and error all follow from it.
  const field = (name: keyof UploadValues) => ({
    id: `u-${name}`,
    name,
    label: m[name],
    hint: m[`${name}Hint`],
    lang,
    value: values[name],
    error: errors[name],
  });
  return (
    <section class="card" aria-labelledby="upload-title" id="upload">
      <h2 id="upload-title">{m.uploadTitle}</h2>
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <FileField
          id="u-file"
          name="file"
          label={m.file}
          hint={m.fileHint}
          lang={lang}
          accept=".csv,.txt,text/csv,text/plain"
          error={errors.file}
          required
        />
        <SelectField {...field('carrier')} choices={carrierChoices(lang)} />
        <TextField {...field('tolerance')} inputmode="decimal" />
        <TextField {...field('lostAfterDays')} inputmode="numeric" />
        <TextArea {...field('columns')} />
        <div class="actions">
          <button type="submit">{m.upload}</button>
        </div>
      </form>
    </section>
  );
}

function ShopChooser(props: { lang: Language; shops: readonly Choice[]; shopId?: string }) {
  const m = auditsFor(props.lang);
  if (props.shops.length === 0) return <p class="empty">{m.noShops}</p>;
  return (
    <form method="get" action={AUDITS_PATH} class="shop-find card" aria-label={m.chooseShop}>
      <SelectField
        id="a-shop"
        name="shop"
        label={m.shop}
        lang={props.lang}
        value={props.shopId}
        choices={props.shops}
        emptyChoice={m.chooseShop}
        required
      />
      <button type="submit" class="secondary">
        {m.showShop}
      </button>
    </form>
  );
}

/**
 * @example <AuditsPage lang="en" path="/desk/audits?shop=s1" csrf={token} shops={choices} shopId="s1" audits={items} auditHref={href} />
 */
export function AuditsPage(props: AuditsPageProps) {
  const { lang, shopId } = props;
  const m = auditsFor(lang);
  return (
    <Layout lang={lang} title={m.title} path={props.path} csrf={props.csrf} current="audits" wide>
      <LandOnFirstError>
        <h1>{m.title}</h1>
        <p>{m.intro}</p>
        <ShopChooser lang={lang} shops={props.shops} {...(shopId ? { shopId } : {})} />
        {shopId === undefined ? null : (
          <>
            {props.errors && Object.keys(props.errors).length > 0 ? (
              <p class="notice error" role="alert" id="upload-refused">
                {m.refused}
              </p>
            ) : null}
            <UploadForm {...props} shopId={shopId} />
            {props.badCursor ? (
              <p class="notice" role="status">
                {m.badCursor}
              </p>
            ) : null}
            <Listing
              name="audits"
              caption={m.listCaption(props.audits.length)}
              columns={[m.created, m.fileName, m.carrier, m.status, m.rowsRead, m.owedAmount]}
              empty={m.empty}
              rows={props.audits.map((a) => (
                <AuditRow lang={lang} audit={a} href={props.auditHref(a)} />
              ))}
              next={{ href: props.nextHref, label: m.next, nav: m.pages }}
            />
          </>
        )}
      </LandOnFirstError>
    </Layout>
  );
}
