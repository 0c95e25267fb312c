/**
 * The analytics service: a shop's own figures, or a clerk's for every shop (or one), read
 * from the day buckets the claim-change consumer keeps (storage.analytics), never from the
 * claims; as of the buckets' latest update.
 */
import Big from 'big.js';
import {
  buildReport,
  DEFAULT_FAULT_RULE,
  readFrom,
  type AnalyticsReport,
  type GroupBy,
} from '../domain/analytics';
import type { CurrencyCode } from '../domain/money';
import type { Storage } from '../storage/repository';
import { shopScope, type Principal } from './actor';

export interface AnalyticsQuery {
  from: string;
  to: string;
  groupBy: GroupBy;
  currency: CurrencyCode;
  /** Clerks: one shop's figures (default every shop's). */
  shopId?: string | undefined;
  /** The fault flag's multiple, a decimal string (default 2). */
  multiple?: string | undefined;
}

/** The report, whose it is, and as of when (the counters are kept off the request path). */
export type AnalyticsAnswer = AnalyticsReport & { shopId?: string; asOf?: string };

/**
 * @example
 * const analytics = createAnalyticsService({ storage });
 * const report = await analytics.report(principal, { from: '2026-11-01', to: '2026-11-30', groupBy: 'carrier', currency: 'RUB' });
 */
export function createAnalyticsService(deps: { storage: Storage }) {
  return {
    /** @throws {FilterNotAllowedError} a shop key naming another shop. */
    async report(actor: Principal, query: AnalyticsQuery): Promise<AnalyticsAnswer> {
      // A shop key always has its shop; were it ever missing, the read is of no shop, never of all.
      const shopId = shopScope(actor, query.shopId, 'figures');
      const rule = {
        ...DEFAULT_FAULT_RULE,
        ...(query.multiple === undefined ? {} : { multiple: new Big(query.multiple) }),
      };
      const scope = shopId === undefined ? 'ALL' : { shopId };
      const { days, asOf } = await deps.storage.analytics.days(
        scope,
        readFrom(query.from, rule),
        query.to,
      );
      const report = buildReport(days, { ...query, rule });
      return {
        ...report,
        ...(shopId === undefined ? {} : { shopId }),
        ...(asOf === undefined ? {} : { asOf }),
      };
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
