import type { Context } from 'hono';
import type { Language } from '../i18n/lang';
import type { HonoEnv } from '../../hono-env';

/**
 * The desk's Hono environment: the app's, plus what the desk middleware
 * resolves once per request.
 */
export interface DeskEnv {
  Bindings: HonoEnv['Bindings'];
  Variables: HonoEnv['Variables'] & {
    /** The page language (cookie, else Accept-Language). */
    lang: Language;
    /** DESK_SESSION_SECRET, checked present by the desk's first middleware. */
    secret: string;
    /** The CSRF token every form of this session carries. */
    csrf: string;
  };
}

/**
 * The same context, typed as the app's, for the claims service. Safe: the
 * desk's variables are a superset of the app's; TypeScript cannot see it only
 * because `Context#set` makes the type invariant.
 *
 * @example const { today } = timeOf(appContext(c));
 */
export const appContext = (c: Context<DeskEnv>): Context<HonoEnv> =>
  c as unknown as Context<HonoEnv>;
