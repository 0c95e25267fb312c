import type { Bindings } from './env';

/** What the app needs from the outside world; injected so tests can pin time. */
export interface AppDeps {
  /** Today's date and the current instant come from here, never from Date.now() in the domain. */
  clock: () => Date;
  /** Largest accepted request body, bytes. */
  maxBodyBytes: number;
}

/** The Hono environment shared by every router: bindings plus per-request variables. */
export interface HonoEnv {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    deps: AppDeps;
  };
}
