import { createApp, type App } from './app';
import { parseConfig, type Bindings } from './env';

let app: App | undefined;

/**
 * Worker entry: the configuration is parsed once, on the first request of an
 * isolate, and the app is reused after that.
 */
export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    if (!app) {
      const config = parseConfig(env);
      app = createApp({ clock: () => new Date(), maxBodyBytes: config.MAX_BODY_BYTES });
    }
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Bindings>;
