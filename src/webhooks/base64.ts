/**
 * Standard base64 (with padding), as Standard Webhooks writes secrets.
 * @example toBase64(new Uint8Array([1, 2, 3])) // 'AQID'
 */
export const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
