/**
 * What the services need of a carrier's API, with the carrier's own errors already read: a
 * check of a shop's credentials (on PUT) and a reader of a parcel's events (the daily
 * reconciliation). `cdekConnector` is CDEK's (src/carriers/cdek's client); tests may give a
 * stand-in.
 */
import {
  CdekAuthError,
  CdekUnavailableError,
  createCdekClient,
  type CdekClient,
} from '../carriers/cdek';
import type { CarrierNotice } from '../carriers/types';

/** A shop's API credentials at a carrier, in the clear only in memory. */
export interface CarrierCredentials {
  clientId: string;
  clientSecret: string;
}

/** What reading one parcel gave. */
export type CarrierLookup =
  | { outcome: 'read'; found: boolean; notices: CarrierNotice[] }
  | { outcome: 'refused' }
  | { outcome: 'unavailable'; why: string };

/** @example const verdict = await connector.check({ clientId, clientSecret }); // 'ok' | 'refused' | 'unavailable' */
export interface CarrierConnector {
  /** Whether the carrier takes the credentials (an OAuth token is issued for them). */
  check(credentials: CarrierCredentials): Promise<'ok' | 'refused' | 'unavailable'>;
  /** A reader of parcels by waybill under the credentials (one token for all its reads). */
  reader(credentials: CarrierCredentials): (waybill: string) => Promise<CarrierLookup>;
}

/**
 * CDEK's connector: src/carriers/cdek's client, its errors read into verdicts. The check asks
 * for an order under the credentials (the client's first call is the OAuth token request, so a
 * refusal there is CDEK refusing the credentials; the order itself does not matter: an unknown
 * number is an ordinary "not found"). Two requests where a bare token request would do one;
 * the client offers no token-only call.
 *
 * @example const connector = cdekConnector({ baseUrl: 'https://api.cdek.ru', clock });
 */
export function cdekConnector(options: {
  baseUrl: string;
  clock: () => Date;
  fetch?: typeof fetch;
}): CarrierConnector {
  const clientOf = (credentials: CarrierCredentials) =>
    createCdekClient({
      baseUrl: options.baseUrl,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      clock: options.clock,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
  const lookup = async (client: CdekClient, waybill: string): Promise<CarrierLookup> => {
    try {
      return { outcome: 'read', ...(await client.orderNotices(waybill)) };
    } catch (error) {
      if (error instanceof CdekAuthError) return { outcome: 'refused' };
      if (error instanceof CdekUnavailableError)
        return { outcome: 'unavailable', why: error.message };
      throw error;
    }
  };
  return {
    async check(credentials) {
      const outcome = (await lookup(clientOf(credentials), CHECK_NUMBER)).outcome;
      return outcome === 'read' ? 'ok' : outcome;
    },
    reader(credentials) {
      const client = clientOf(credentials);
      return (waybill) => lookup(client, waybill);
    },
  };
}

/** The CDEK number the credentials check asks for: none has it (CDEK's are 10+ digits). */
const CHECK_NUMBER = '0';
