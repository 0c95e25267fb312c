/**
 * Large written-once documents (a claim as filed, a shipment's facts) are stored
 * compressed, as AWS advises for large attribute values: a claim's explained computation
 * is mostly repeated words, and deflate stores it in less than half its size, which halves
 * what its filing costs in write units. Web streams only: the same code runs in workerd
 * and in Node.
 */

/**
 * @example const bytes = await deflate('{"id":"clm_1"}'); // Uint8Array, deflate-raw
 */
export async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * @example await inflate(await deflate('abc')) // 'abc'
 */
export async function inflate(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return await new Response(stream).text();
}
