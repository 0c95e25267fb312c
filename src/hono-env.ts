import type { ActorRole } from './domain/claim';
import type { Bindings } from './env';
import type { Storage } from './storage/repository';

/** What the app needs from the outside world; injected so tests can pin time. */
export interface AppDeps {
  /** Today's date and the current instant come from here, never from Date.now() in the domain. */
  clock: () => Date;
  /** Largest accepted request body, bytes. */
  maxBodyBytes: number;
  /** Claims and API keys. */
  storage: Storage;
  /** New claim ids. */
  newId: () => string;
  /** HMAC key of the clerk desk's session cookies (DESK_SESSION_SECRET); absent: desk off. */
  sessionSecret?: string;
}

/** Who is calling: resolved from the API key by the auth middleware. */
export interface Principal {
  keyId: string;
  role: ActorRole;
  /** Set for shop keys. */
  shopId?: string;
}

/** The Hono environment shared by every router: bindings plus per-request variables. */
export interface HonoEnv {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    deps: AppDeps;
    principal: Principal;
  };
}
