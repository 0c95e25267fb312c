import type { Language } from '../i18n/lang';
import type { SessionCookie } from '../session/session-cookie';
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
    /** The signed-in clerk's session (set by requireClerk). */
    session: SessionCookie;
    /** The signed-in clerk's display name, when the key has one (set by requireClerk). */
    clerkName: string | undefined;
    /** The IANA zone the signed-in clerk reads times in (set by requireClerk; else the default). */
    timeZone: string;
  };
}
