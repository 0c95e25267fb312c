/**
 * `If-Match` as RFC 9110 §13.1.1 reads it: `*` or a list of entity tags,
 * compared strongly, so a weak tag (`W/"3"`) never matches. Our ETags are a
 * claim's version in quotes (`"3"`).
 */

/** `*`, or entity tags separated by commas (`"3"`, `W/"3"`, `"2", "3"`). */
export const IF_MATCH_SYNTAX =
  /^(?:\*|(?:W\/)?"[\x21\x23-\x7e]*"(?:[ \t]*,[ \t]*(?:W\/)?"[\x21\x23-\x7e]*")*)$/;

/** The strong tags of a list, as sent (weak ones dropped: they never match). */
const strongTags = (header: string): string[] =>
  header
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => !tag.startsWith('W/'))
    .map((tag) => tag.slice(1, -1));

/**
 * A strong tag of digits naming a version no claim can reach (beyond 2^53 − 1),
 * as sent, so the refusal quotes it unchanged.
 *
 * @example tooLargeVersion('"99999999999999999999"') // '99999999999999999999'
 */
export function tooLargeVersion(header: string): string | undefined {
  if (header === '*') return undefined;
  return strongTags(header).find((tag) => /^\d+$/.test(tag) && !Number.isSafeInteger(Number(tag)));
}

/** What a move must find: any version (`*` or no header), or one of these. */
export type VersionPrecondition = undefined | { versions: readonly number[]; sent: string };

/**
 * The precondition a (valid) header sets: the versions its strong tags name;
 * none when every tag is weak or not one of ours (then nothing matches: 412).
 *
 * @example versionPrecondition('"2", W/"3"') // { versions: [2], sent: '"2", W/"3"' }
 * @example versionPrecondition('*') // undefined
 */
export function versionPrecondition(header: string | undefined): VersionPrecondition {
  if (header === undefined || header === '*') return undefined;
  const versions = strongTags(header)
    .filter((tag) => /^\d+$/.test(tag))
    .map(Number)
    .filter(Number.isSafeInteger);
  return { versions, sent: header };
}
