/**
 * What the services need of a carrier's API, with the carrier's own errors already read: a
 * check of a shop's credentials (on PUT) and a reader of a parcel's events (the daily
 * reconciliation). `cdekConnector` is CDEK's (src/carriers/cdek's client); tests may give a
 * stand-in.
 */
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
