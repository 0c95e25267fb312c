/**
 * The daily reconciliation: CDEK sends each webhook once and never retries, so once a day per
 * shop that gave its CDEK credentials, every open shipment of the shop with a waybill that no
 * carrier event reached for 24 hours is read from CDEK (`GET /v2/orders?cdek_number=`) and what
 * the hooks missed is recorded the way a hook records it (`ingest`, source `reconciliation`:
 * the event ids are the webhook's, so what is already known is a duplicate and changes
 * nothing).
 *
 * A run is bounded (a Worker invocation may make 50 subrequests on the Free plan, 1,000 on the
 * Paid one): it stops before its estimate of subrequests passes `maxSubrequests` and the next
 * run goes on where it stopped: the pass over the accounts resumes at its cursor (a page of
 * accounts at a time), a shop's shipments after the last one read (`reconcileAfter` on its
 * account). Each shop is finished at most once a day (`reconciledOn`). Credentials CDEK refuses
 * are marked (`refusedAt`, shown by GET /v1/carrier-accounts/cdek) and skipped until the shop
 * gives new ones. If CDEK does not answer, the run stops and the next one tries again.
 */
import type { CarrierNotice } from '../carriers/types';
import type { CarrierAccountRecord, ReconciliationCursor, Storage } from '../storage/repository';
import { openCredentials } from './carrier-accounts';
import type { CarrierConnector } from './carrier-connector';

export interface ReconciliationDeps {
  storage: Storage;
  clock: () => Date;
  /** CARRIER_SECRET: without it no credentials open, and the run does nothing. */
  secret?: string | undefined;
  connector: CarrierConnector;
  /** Records notices as a hook would (src/services/carrier-events.ts `ingest`). */
  ingest: (shopId: string, notices: CarrierNotice[]) => Promise<readonly { outcome: string }[]>;
  /** The most subrequests (CDEK and DynamoDB calls, estimated) a run may make; default 500. */
  maxSubrequests?: number;
}

/** What a run did: logged as one JSON line by the cron. */
export interface ReconciliationReport {
  day: string;
  /** Accounts looked at, shops finished for the day, shops whose credentials CDEK refused. */
  accounts: number;
  shopsFinished: number;
  shopsRefused: number;
  /** Shipments read from CDEK, skipped as heard of within the day, unknown to CDEK. */
  shipmentsRead: number;
  shipmentsRecent: number;
  shipmentsNotFound: number;
  /** Notices CDEK gave, by what recording them did. */
  notices: number;
  outcomes: Record<string, number>;
  /** The estimate of subrequests made. */
  subrequests: number;
  /** Why the run ended: every account is through for the day, the budget, CDEK not answering, no secret. */
  stopped: 'done' | 'budget' | 'carrier-unavailable' | 'no-secret';
}

/** A shipment heard of more recently than this is not read. */
const QUIET_MS = 24 * 60 * 60 * 1000;
/** Accounts per page of the listing. */
const ACCOUNT_PAGE = 25;
/** Open shipments per page of a shop's watch. */
const SHIPMENT_PAGE = 50;
/**
 * What recording one notice may cost, in subrequests (the match by waybill, the shipment's read
 * and its write), and the most notices one read is reckoned with before the budget allows it.
 */
const PER_NOTICE = 3;
const RESERVE = 1 + PER_NOTICE * 20;

/**
 * One run; call it from the cron as often as you like: a shop is finished at most once a day.
 * @example const report = await runReconciliation({ storage, clock, secret, connector, ingest: carrierEvents.ingest });
 */
export async function runReconciliation(deps: ReconciliationDeps): Promise<ReconciliationReport> {
  const now = deps.clock();
  const day = now.toISOString().slice(0, 10);
  const max = deps.maxSubrequests ?? 500;
  const report: ReconciliationReport = {
    day,
    accounts: 0,
    shopsFinished: 0,
    shopsRefused: 0,
    shipmentsRead: 0,
    shipmentsRecent: 0,
    shipmentsNotFound: 0,
    notices: 0,
    outcomes: {},
    subrequests: 0,
    stopped: 'done',
  };
  if (deps.secret === undefined) return { ...report, stopped: 'no-secret' };
  const accounts = deps.storage.carrierAccounts;
  const stored = await accounts.getCursor();
  report.subrequests += 1;
  let cursor: ReconciliationCursor =
    stored !== undefined && stored.day === day ? stored : { day, shard: 0 };
  if (cursor.done === true) return report;
  const shop = shopReconciler(deps, report, now, max);
  while (cursor.shard < accounts.shards) {
    const page = await accounts.list({
      shard: cursor.shard,
      limit: ACCOUNT_PAGE,
      ...(cursor.after === undefined ? {} : { after: cursor.after }),
    });
    report.subrequests += 2;
    for (const account of page.items) {
      if (account.reconciledOn === day || account.refusedAt !== undefined) continue;
      report.accounts += 1;
      const ended = await shop(account);
      if (ended !== 'finished') {
        // The page is read again next run; its finished shops are skipped by `reconciledOn`.
        await accounts.putCursor(cursor);
        return { ...report, stopped: ended };
      }
    }
    cursor =
      page.last === undefined
        ? { day, shard: cursor.shard + 1 }
        : { day, shard: cursor.shard, after: page.last };
    if (report.subrequests + RESERVE > max && cursor.shard < accounts.shards) {
      await accounts.putCursor(cursor);
      return { ...report, stopped: 'budget' };
    }
  }
  await accounts.putCursor({ day, shard: cursor.shard, done: true });
  return report;
}

/** How one shop's turn ended. */
type ShopEnd = 'finished' | 'budget' | 'carrier-unavailable';

/** Reconciles one shop's open shipments, from where its last turn stopped. */
function shopReconciler(
  deps: ReconciliationDeps,
  report: ReconciliationReport,
  now: Date,
  max: number,
) {
  const { storage } = deps;
  const day = report.day;
  return async function reconcileShop(account: CarrierAccountRecord): Promise<ShopEnd> {
    const { shopId, carrier, version } = account;
    const mark = async (change: Parameters<typeof storage.carrierAccounts.mark>[3]) => {
      report.subrequests += 1;
      await storage.carrierAccounts.mark(shopId, carrier, version, change);
    };
    const credentials = await openCredentials(deps.secret ?? '', account);
    if (credentials === undefined) {
      // Sealed under another CARRIER_SECRET (rotated): the shop must give them again.
      report.shopsRefused += 1;
      await mark({ refusedAt: now.toISOString() });
      return 'finished';
    }
    const read = deps.connector.reader(credentials);
    report.subrequests += 1; // the OAuth token
    let after = account.reconcileAfter;
    for (;;) {
      if (report.subrequests + RESERVE > max) {
        await mark({ reconcileAfter: after ?? null });
        return 'budget';
      }
      const page = await storage.shipments.listOpen(shopId, {
        limit: SHIPMENT_PAGE,
        ...(after === undefined ? {} : { after }),
      });
      report.subrequests += 2;
      for (const shipment of page.items) {
        const heard = shipment.heardAt === undefined ? 0 : Date.parse(shipment.heardAt);
        if (now.getTime() - heard < QUIET_MS) {
          report.shipmentsRecent += 1;
          after = shipment.shipmentId;
          continue;
        }
        if (report.subrequests + RESERVE > max) {
          await mark({ reconcileAfter: after ?? null });
          return 'budget';
        }
        const lookup = await read(shipment.waybill);
        report.subrequests += 1;
        if (lookup.outcome === 'refused') {
          report.shopsRefused += 1;
          await mark({ refusedAt: now.toISOString(), reconcileAfter: null });
          return 'finished';
        }
        if (lookup.outcome === 'unavailable') {
          await mark({ reconcileAfter: after ?? null });
          return 'carrier-unavailable';
        }
        report.shipmentsRead += 1;
        if (!lookup.found) report.shipmentsNotFound += 1;
        if (lookup.notices.length > 0) {
          report.notices += lookup.notices.length;
          report.subrequests += PER_NOTICE * lookup.notices.length;
          for (const result of await deps.ingest(shopId, lookup.notices)) {
            report.outcomes[result.outcome] = (report.outcomes[result.outcome] ?? 0) + 1;
          }
        }
        after = shipment.shipmentId;
      }
      if (page.last === undefined) break;
      after = page.last;
    }
    report.shopsFinished += 1;
    await mark({ reconciledOn: day, reconcileAfter: null });
    return 'finished';
  };
}
