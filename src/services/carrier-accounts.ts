/**
 * A shop's CDEK API credentials (client id and secret), for the daily reconciliation: checked
 * with CDEK's OAuth before they are kept, kept sealed with the Worker secret CARRIER_SECRET
 * (AES-GCM, bound to the shop and the carrier: a sealed copy moved to another shop does not
 * open), never answered and never logged. Answers show the client id masked.
 */
import type { HookCarrier } from '../carriers/types';
import { DomainError } from '../domain/errors';
import { open, seal, type SealContext } from '../lib/sealed';
import { NotFoundError, type CarrierAccountRecord, type Storage } from '../storage/repository';
import type { Principal } from './actor';
import { CarrierSecretUnsetError, CarrierUnavailableError } from './carrier-errors';
import type { CarrierConnector, CarrierCredentials } from './carrier-connector';

export interface CarrierAccountDeps {
  storage: Storage;
  clock: () => Date;
  /** CARRIER_SECRET; absent: no credentials are taken (503) and none can be read. */
  secret?: string | undefined;
  /** The carrier's API (CDEK's). */
  connector: CarrierConnector;
}

/** A shop's account as answers show it: never the secret, the client id masked. */
export interface CarrierAccountView {
  carrier: HookCarrier;
  clientId: string;
  updatedAt: string;
  /** The last day (UTC) the reconciliation went through the shop's open shipments. */
  reconciledOn?: string;
  /** When CDEK refused the credentials during a reconciliation: give new ones. */
  refusedAt?: string;
}

/** The purpose label the credentials' key is derived under (src/lib/sealed.ts). */
const PURPOSE = 'parcel-claims carrier credentials v1';

/** The sealing context of a shop's account: the same text opens only the same account. */
const sealContext = (secret: string, shopId: string, carrier: HookCarrier): SealContext => ({
  secret,
  purpose: PURPOSE,
  boundTo: `${shopId}\u0000${carrier}`,
});

/**
 * The client id as answers show it: its first four and last two characters (fewer of a short
 * one), enough to tell which credentials are kept, too few to use.
 * @example maskClientId('EMscd6r9JnFiQ3bLoyjJY6eM78JrJceI') // 'EMsc…eI'
 */
export function maskClientId(clientId: string): string {
  const chars = [...clientId];
  if (chars.length <= 6) return `${chars.slice(0, 1).join('')}…`;
  return `${chars.slice(0, 4).join('')}…${chars.slice(-2).join('')}`;
}

const viewOf = (record: CarrierAccountRecord): CarrierAccountView => ({
  carrier: record.carrier,
  clientId: record.clientIdHint,
  updatedAt: record.updatedAt,
  ...(record.reconciledOn === undefined ? {} : { reconciledOn: record.reconciledOn }),
  ...(record.refusedAt === undefined ? {} : { refusedAt: record.refusedAt }),
});

/**
 * The credentials a sealed account holds, or undefined (no secret, another secret, altered).
 * @example const credentials = await openCredentials(secret, record);
 */
export async function openCredentials(
  secret: string,
  record: CarrierAccountRecord,
): Promise<CarrierCredentials | undefined> {
  const text = await open(sealContext(secret, record.shopId, record.carrier), record.sealed);
  if (text === undefined) return undefined;
  const parsed = JSON.parse(text) as CarrierCredentials;
  return { clientId: parsed.clientId, clientSecret: parsed.clientSecret };
}

/**
 * @example
 * const accounts = createCarrierAccountService({ storage, clock, secret, connector });
 * const { account, created } = await accounts.put(principal, 'cdek', { clientId, clientSecret });
 */
export function createCarrierAccountService(deps: CarrierAccountDeps) {
  const { storage, clock, connector } = deps;
  const shopOf = (principal: Principal): string => principal.shopId ?? '';

  return {
    /**
     * Checks the credentials with the carrier and keeps them sealed: 201 new, 200 replaced.
     * @throws {CarrierSecretUnsetError} no CARRIER_SECRET (nothing asked, nothing stored).
     * @throws {DomainError} `carrier-credentials-refused` at /clientSecret: the carrier said no.
     * @throws {CarrierUnavailableError} the carrier did not answer (nothing stored).
     */
    async put(
      principal: Principal,
      carrier: HookCarrier,
      credentials: CarrierCredentials,
    ): Promise<{ account: CarrierAccountView; created: boolean }> {
      if (deps.secret === undefined) throw new CarrierSecretUnsetError();
      const shopId = shopOf(principal);
      const verdict = await connector.check(credentials);
      if (verdict === 'refused') {
        throw new DomainError(
          'carrier-credentials-refused',
          'CDEK refused these credentials: its OAuth token request (client_credentials) did not accept the client id and secret. Check them in your CDEK account (Integration → API keys).',
          '/clientSecret',
        );
      }
      if (verdict === 'unavailable') throw new CarrierUnavailableError(carrier);
      const sealed = await seal(
        sealContext(deps.secret, shopId, carrier),
        JSON.stringify({ clientId: credentials.clientId, clientSecret: credentials.clientSecret }),
      );
      const { record, created } = await storage.carrierAccounts.put({
        shopId,
        carrier,
        sealed,
        clientIdHint: maskClientId(credentials.clientId),
        updatedAt: clock().toISOString(),
      });
      return { account: viewOf(record), created };
    },

    /** @throws {NotFoundError} the shop has given no credentials for the carrier. */
    async get(principal: Principal, carrier: HookCarrier): Promise<CarrierAccountView> {
      const record = await storage.carrierAccounts.get(shopOf(principal), carrier);
      if (record === undefined) throw new NotFoundError('carrier-account', carrier);
      return viewOf(record);
    },

    /** @throws {NotFoundError} there was nothing to remove. */
    async remove(principal: Principal, carrier: HookCarrier): Promise<void> {
      const removed = await storage.carrierAccounts.delete(shopOf(principal), carrier);
      if (!removed) throw new NotFoundError('carrier-account', carrier);
    },
  };
}

/** @example const service: CarrierAccountService = createCarrierAccountService(deps); */
export type CarrierAccountService = ReturnType<typeof createCarrierAccountService>;
