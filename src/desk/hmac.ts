/** The desk signs with the shared Web Crypto helpers (moved to `../lib/hmac`). */
export * from '../lib/hmac';
