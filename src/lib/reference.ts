/**
 * Keyed references: a short, stable name for a value that says nothing about the value
 * (HMAC-SHA-256 with Web Crypto, Workers and Node alike). The HMAC key is derived from a
 * secret with HKDF-SHA-256 under a purpose label, as src/lib/sealed.ts derives its keys,
 * so one secret serves the list cursors and these without either key being the other's.
 */

const encoder = new TextEncoder();

/** 16 hex digits: 64 bits, so two values of a few thousand never share a reference. */
const REFERENCE_HEX = 16;

function hmacKeyFor(secret: string, purpose: string): Promise<CryptoKey> {
  return crypto.subtle
    .importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey'])
    .then((material) =>
      crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: encoder.encode(purpose) },
        material,
        { name: 'HMAC', hash: 'SHA-256', length: 256 },
        false,
        ['sign'],
      ),
    );
}

/**
 * A function from a value to its reference under `secret` and `purpose`: the first 16 hex
 * digits of the value's HMAC. The same value always gets the same reference (as long as
 * the secret is kept); without the secret, a reference cannot be traced back to its value
 * nor a value forward to its reference. References are remembered per function, for the
 * values it is asked about (a few: one per clerk).
 *
 * @example
 * const referenceOf = keyedReference(secret, 'parcel-claims clerk reference v1');
 * await referenceOf('1a2b3c4d5e6f7a8b'); // '9c1f…' (16 hex digits)
 */
export function keyedReference(
  secret: string,
  purpose: string,
): (value: string) => Promise<string> {
  const key = hmacKeyFor(secret, purpose);
  const known = new Map<string, Promise<string>>();
  return (value) => {
    let reference = known.get(value);
    if (reference === undefined) {
      reference = key
        .then((k) => crypto.subtle.sign('HMAC', k, encoder.encode(value)))
        .then((mac) =>
          Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0'))
            .join('')
            .slice(0, REFERENCE_HEX),
        );
      known.set(value, reference);
    }
    return reference;
  };
}
