/** Stands in for an export the Worker bundle leaves out (see ./zod.ts, ./event-streams.ts). */
export function notBundled(from: string, name: string): () => never {
  return () => {
    throw new Error(`${from}'s ${name} is left out of the Worker bundle (src/lib/bundle)`);
  };
}
