import { z } from 'zod';

/** Worker bindings as wrangler passes them (all strings). */
export interface Bindings {
  MAX_BODY_BYTES?: string;
}

/**
 * Configuration, parsed once from the bindings. Every variable is documented in
 * the README's configuration table.
 */
export const ConfigSchema = z.object({
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
});
export type Config = z.infer<typeof ConfigSchema>;

/**
 * Parses the bindings; a wrong value stops the Worker with a message naming it.
 *
 * @example
 * const config = parseConfig({ MAX_BODY_BYTES: '65536' });
 */
export function parseConfig(bindings: Bindings): Config {
  const parsed = ConfigSchema.safeParse(bindings);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration: ${fields.join('; ')}`);
  }
  return parsed.data;
}
