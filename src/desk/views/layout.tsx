import { createContext, useContext, type Child } from 'hono/jsx';
import { settingsFor } from '../i18n/settings';
import { DeskTimeZone } from './parts/instant';
import { CSRF_FIELD } from '../session/csrf';
import { webhooksFor } from '../i18n/webhooks';
import { analyticsFor } from '../i18n/analytics';
import { personalDataFor } from '../i18n/personal-data';
import { auditsFor } from '../i18n/audits';
import { commonFor } from '../i18n/common';
import { pluralForm } from '../../format';
import type { Language } from '../i18n/lang';

/** Where the stylesheet is served (a route, since the CSP allows no inline style). */
export const STYLESHEET_PATH = '/desk/assets/desk.css';

/**
 * Who is signed in, as the header shows it (the clerk's display name, else the
 * actor id `clerk:<keyId>`): provided once per page by `renderPage`, so no page
 * has to pass it down.
 */
export const SignedInClerk = createContext<string | undefined>(undefined);

/**
 * What the navigation counts, provided once per page by `renderPage`: the claims waiting for
 * their customer's acknowledgement (undefined: not read, or the read failed: no count shown).
 */
export const NavCounts = createContext<{ unacknowledged?: number | undefined }>({});

/**
 * The "not yet acknowledged" entry's count: a badge, read by a screen reader as part of the
 * link's name ("Not yet acknowledged: 3 claims").
 */
function WaitingCount(props: { lang: Language; count: number | undefined }) {
  if (props.count === undefined) return null;
  const m = commonFor(props.lang);
  return (
    <>
      <span class="visually-hidden">: </span>
      <span class="nav-count" id="unacknowledged-count">
        {props.count}
      </span>
      <span class="visually-hidden"> {pluralForm(props.lang, props.count, m.claimNoun)}</span>
    </>
  );
}

export interface LayoutProps {
  lang: Language;
  title: string;
  /** Path and query of this page: the language switch comes back to it. */
  path: string;
  /** Present when a clerk is signed in: shows the navigation and the sign-out buttons. */
  csrf?: string | undefined;
  /** Which navigation entry is this page. */
  current?:
    | 'queue'
    | 'new'
    | 'late'
    | 'unack'
    | 'analytics'
    | 'webhooks'
    | 'settings'
    | 'personalData'
    | 'audits'
    | undefined;
  /** A wide table (the queues): the page may use the screen's width. */
  wide?: boolean;
  children?: Child;
}

/**
 * The frame of every desk page: language, title, stylesheet, skip link,
 * landmarks (header, nav, main, footer) for screen readers.
 *
 * @example <Layout lang="en" title="Claims queue" path="/desk/claims" csrf={token}>…</Layout>
 */
export function Layout(props: LayoutProps) {
  const m = commonFor(props.lang);
  const other = m.otherLanguageCode;
  const switchHref = `/desk/lang/${other}?back=${encodeURIComponent(props.path)}`;
  const here = (name: LayoutProps['current']) => (props.current === name ? 'page' : undefined);
  const clerk = useContext(SignedInClerk);
  const zone = useContext(DeskTimeZone);
  const waiting = useContext(NavCounts).unacknowledged;
  const settings = settingsFor(props.lang);
  // A signed-out page (sign-in, errors) shows no times; the footer names the zone once signed in.
  const zoneLabel = props.csrf && clerk ? zone.label : undefined;
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${m.appName}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {m.skipToContent}
        </a>
        <header class="top">
          <p class="brand">{m.appName}</p>
          {props.csrf ? (
            <nav aria-label={m.mainNav}>
              <ul class="nav">
                <li>
                  <a href="/desk/claims" aria-current={here('queue')}>
                    {m.queue}
                  </a>
                </li>
                <li>
                  <a href="/desk/shipments/late" aria-current={here('late')}>
                    {m.lateShipments}
                  </a>
                </li>
                <li>
                  <a href="/desk/unacknowledged" aria-current={here('unack')}>
                    {m.unacknowledged}
                    <WaitingCount lang={props.lang} count={waiting} />
                  </a>
                </li>
                <li>
                  <a href="/desk/new-claim" aria-current={here('new')}>
                    {m.newClaim}
                  </a>
                </li>
                {/* Analytics */}
                <li>
                  <a href="/desk/analytics" aria-current={here('analytics')}>
                    {analyticsFor(props.lang).nav}
                  </a>
                </li>
                <li>
                  <a href="/desk/webhooks" aria-current={here('webhooks')}>
                    {webhooksFor(props.lang).nav}
                  </a>
                </li>
                <li>
                  <a href="/desk/personal-data" aria-current={here('personalData')}>
                    {personalDataFor(props.lang).nav}
                  </a>
                </li>
                <li>
                  <a href="/desk/audits" aria-current={here('audits')}>
                    {auditsFor(props.lang).nav}
                  </a>
                </li>
              </ul>
            </nav>
          ) : null}
          <nav aria-label={m.languageNav} class="lang-switch">
            <a href={switchHref} lang={other} hreflang={other}>
              {m.otherLanguage}
            </a>
          </nav>
          {props.csrf && clerk ? (
            <p class="signed-in" id="signed-in">
              {m.signedInAs} <strong>{clerk}</strong>{' '}
              <a href="/desk/settings" aria-current={here('settings')}>
                {settings.nav}
              </a>
            </p>
          ) : null}
          {props.csrf ? (
            <form method="post" action="/desk/sign-out" class="sign-out">
              <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
              <button type="submit" class="secondary">
                {m.signOut}
              </button>
              <button type="submit" class="secondary" name="scope" value="everywhere">
                {m.signOutEverywhere}
              </button>
            </form>
          ) : null}
        </header>
        <main id="main" class={props.wide ? 'wide' : undefined}>
          {props.children}
        </main>
        <footer class="bottom">
          <p>
            {zoneLabel ? (
              <>
                {settings.footer(zoneLabel)} <a href="/desk/settings">{settings.change}</a>.{' '}
              </>
            ) : null}
            {m.footer}
          </p>
        </footer>
      </body>
    </html>
  );
}
