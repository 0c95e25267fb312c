import { commonFor } from '../i18n/common';
import type { Language } from '../i18n/lang';
import { Layout } from './layout';

/** The error pages the desk shows, by kind. */
export type DeskErrorKind = keyof ReturnType<typeof commonFor>['errors'];

export interface ErrorPageProps {
  lang: Language;
  kind: DeskErrorKind;
  path: string;
  requestId: string;
  csrf?: string | undefined;
}

/**
 * A plain page saying what went wrong and what to do; the request id is shown
 * for the unexpected kind only, so support can find the log line.
 *
 * @example <ErrorPage lang="en" kind="forbidden" path="/desk/claims" requestId={id} />
 */
export function ErrorPage(props: ErrorPageProps) {
  const m = commonFor(props.lang);
  const text = m.errors[props.kind];
  return (
    <Layout lang={props.lang} title={text.title} path={props.path} csrf={props.csrf}>
      <h1>{text.title}</h1>
      <p class="notice error" role="alert">
        {text.text}
        {props.kind === 'internal' ? <code> {props.requestId}</code> : null}
      </p>
      <p>
        <a href="/desk/claims">{m.backToQueue}</a>
      </p>
    </Layout>
  );
}
