/**
 * Large written-once documents (a claim as filed, a shipment's facts) are stored
 * compressed, as AWS advises for large attribute values: a claim's explained computation
 * is mostly repeated words, and deflate stores it in less than half its size, which halves
 * what its filing costs in write units. `node:zlib` (workerd has it under nodejs_compat,
 * natively): a synchronous call costs a few hundredths of a millisecond, where a
 * CompressionStream round trip cost half a millisecond in Node.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * @example const bytes = await deflate('{"id":"clm_1"}'); // Uint8Array, deflate-raw
 */
export async function deflate(text: string): Promise<Uint8Array> {
  return new Uint8Array(deflateRawSync(text));
}

/**
 * @example await inflate(await deflate('abc')) // 'abc'
 */
export async function inflate(bytes: Uint8Array): Promise<string> {
  return inflateRawSync(bytes).toString('utf8');
}
