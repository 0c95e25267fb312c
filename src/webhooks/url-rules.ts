/**
 * Where a webhook may be sent. A shop names the URL, and our Worker fetches it: a URL that
 * names an address inside a network (loopback, private, link-local, CGNAT, unspecified)
 * would let a shop make us call what is not on the internet, so it is refused. Only names
 * written as literals can be judged here (a Worker's fetch cannot reach a private network
 * through a public name: Cloudflare's egress is on the internet).
 */

/** The longest URL an endpoint may have. */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** Whether the dotted IPv4 literal is in a range that is not the public internet. */
function privateIPv4(host: string): boolean {
  const parts = host.split('.').map(Number);
  const [a = -1, b = -1] = parts;
  return (
    a === 0 || // unspecified, "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // CGNAT (RFC 6598)
    (a === 169 && b === 254) || // link-local
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224 // multicast, reserved, broadcast
  );
}

/** Whether the (bracketless, WHATWG-normalised) IPv6 literal is not the public internet. */
function privateIPv6(host: string): boolean {
  if (host === '::' || host === '::1') return true;
  // An IPv4-mapped or -compatible address: judged as the IPv4 it carries (WHATWG writes it
  // in hex: ::ffff:7f00:1).
  const mapped = /^::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const high = parseInt(mapped[1] ?? '0', 16);
    const low = parseInt(mapped[2] ?? '0', 16);
    return privateIPv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  const first = parseInt(host.split(':')[0] || '0', 16);
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xff00) === 0xff00 // multicast
  );
}

const isIPv4 = (host: string) => /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why `text` may not be a webhook URL, or undefined when it may. `allowLocal`
 * (WEBHOOK_ALLOW_LOCAL=true: `npm start`, the tests) lets http and https reach
 * 127.0.0.1, localhost and [::1], so a receiver on the developer's machine can be used.
 *
 * @example webhookUrlProblem('https://hooks.example.com/parcel', { allowLocal: false }) // undefined
 * @example webhookUrlProblem('https://10.0.0.5/hook', { allowLocal: false }) // 'names a private …'
 */
export function webhookUrlProblem(
  text: string,
  options: { allowLocal: boolean },
): string | undefined {
  if (text.length > MAX_WEBHOOK_URL_LENGTH) {
    return `is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.username !== '' || url.password !== '') {
    return 'carries credentials; put a secret in the path or check the signature instead';
  }
  if (url.hash !== '') return 'has a fragment, which is never sent';
  const host = url.hostname.toLowerCase();
  if (options.allowLocal && LOCAL_HOSTS.has(host)) {
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? undefined
      : 'must be http or https';
  }
  if (url.protocol !== 'https:') return 'must be https';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'names this machine (localhost)';
  if (isIPv4(host) && privateIPv4(host)) {
    return 'names a loopback, private, link-local, CGNAT or unspecified IPv4 address';
  }
  if (host.startsWith('[') && privateIPv6(host.slice(1, -1))) {
    return 'names a loopback, private, link-local or unspecified IPv6 address';
  }
  return undefined;
}
