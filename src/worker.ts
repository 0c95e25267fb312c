import { createApp, type App } from './app';
import { parseConfig, type Bindings } from './env';
import { createDynamoStorage } from './storage/dynamodb';

export interface WorkerOptions {
  /** Default: the real clock. Tests pin it. */
  clock?: () => Date;
}

/**
 * The Worker: configuration parsed once, on the first request of an isolate,
 * and the app (with its DynamoDB client) reused after that.
 *
 * @example
 * export default createWorker();
 */
export function createWorker(options: WorkerOptions = {}): ExportedHandler<Bindings> {
  let app: App | undefined;
  return {
    fetch(request, env, ctx) {
      if (!app) {
        const config = parseConfig(env);
        const clock = options.clock ?? (() => new Date());
        const credentials =
          config.AWS_ACCESS_KEY_ID && config.AWS_SECRET_ACCESS_KEY
            ? {
                accessKeyId: config.AWS_ACCESS_KEY_ID,
                secretAccessKey: config.AWS_SECRET_ACCESS_KEY,
              }
            : undefined;
        const storage = createDynamoStorage({
          tableName: config.DYNAMODB_TABLE,
          apiKeyCacheMs: config.API_KEY_CACHE_SECONDS * 1000,
          cursorSecret: config.CURSOR_SECRET ?? config.DESK_SESSION_SECRET,
          region: config.DYNAMODB_REGION,
          ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
          ...(credentials ? { credentials } : {}),
        });
        app = createApp({
          clock,
          maxBodyBytes: config.MAX_BODY_BYTES,
          storage,
          newId: () => `clm_${crypto.randomUUID().replaceAll('-', '')}`,
          ...(config.DESK_SESSION_SECRET ? { sessionSecret: config.DESK_SESSION_SECRET } : {}),
        });
      }
      return app.fetch(request, env, ctx);
    },
  };
}
