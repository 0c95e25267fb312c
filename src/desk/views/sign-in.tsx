import { CSRF_FIELD } from '../session/csrf';
import { commonFor } from '../i18n/common';
import type { Language } from '../i18n/lang';
import { Layout } from './layout';
import { describedBy } from './parts/field-error';

export type SignInNotice = 'signedOut' | 'signedOutEverywhere' | 'sessionEnded';
export type SignInError = 'unknownKey' | 'shopKey' | 'expiredForm';

export interface SignInProps {
  lang: Language;
  path: string;
  /** The pre-session CSRF token. */
  token: string;
  notice?: SignInNotice | undefined;
  error?: SignInError | undefined;
}

/**
 * The sign-in form. The key is never echoed back into the page, even after a
 * refusal.
 *
 * @example <SignInPage lang="en" path="/desk/sign-in" token={token} error="shopKey" />
 */
export function SignInPage(props: SignInProps) {
  const m = commonFor(props.lang).signIn;
  const error = props.error ? m[props.error] : undefined;
  return (
    <Layout lang={props.lang} title={m.title} path={props.path}>
      <h1>{m.title}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {m[props.notice]}
        </p>
      ) : null}
      <p>{m.intro}</p>
      <form method="post" action="/desk/sign-in" class="card narrow">
        <input type="hidden" name={CSRF_FIELD} value={props.token} />
        <div class={error ? 'field invalid' : 'field'}>
          <label for="api-key">{m.key}</label>
          <p class="hint" id="api-key-hint">
            {m.keyHint}
          </p>
          <input
            id="api-key"
            name="apiKey"
            type="password"
            required
            autocomplete="off"
            spellcheck={false}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy('api-key-hint', error && 'api-key-error')}
          />
          {error ? (
            <p class="field-error" id="api-key-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit">{m.submit}</button>
      </form>
    </Layout>
  );
}
