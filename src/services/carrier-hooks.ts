/**
 * Carrier hooks: the URL a shop gives its carrier (CDEK's `POST /v2/webhooks {url, type}`),
 * with a secret token in it, and what arrives there. The token is shown once, at creation;
 * only its SHA-256 is stored, so an inbound call is one read and a revoked hook is unknown at
 * once. CDEK signs nothing and never sends a report again: whatever arrives under a live
 * token is read, recorded (src/services/carrier-events.ts) and answered 200, and passed on
 * unchanged to the hook's `forwardTo` after the answer, when it has one.
 */
import type { HookCarrier } from '../carriers/types';
import { readCdekWebhook } from '../carriers/cdek';
import { DomainError } from '../domain/errors';
import { toBase64Url } from '../lib/base64url';
import { sha256Hex } from '../lib/sha256';
import type { CarrierHookRecord, Page, Storage } from '../storage/repository';
import type { Principal } from './actor';
import type { CarrierEventService, IngestResult } from './carrier-events';
import { checkForwardTo, forwardPayload, type ForwardDeps } from './carrier-forward';
import type { Defer } from './shipments';

/** Hooks a shop may have at once (CDEK takes one URL per event type: two are enough, ten spare). */
export const MAX_HOOKS_PER_SHOP = 10;
/** Random bytes in a token: 256 bits, 43 base64url characters. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A hook as the API shows it; `url` (with the token) only in the answer that created it. */
export interface CarrierHookView {
  id: string;
  carrier: HookCarrier;
  url?: string;
  createdAt: string;
  forwardTo?: string;
}

/** What an inbound call came to, counted per notice; `ignored`: a payload of no parcel event. */
export interface HookSummary {
  received: number;
  applied: number;
  duplicate: number;
  unmatched: number;
  refused: number;
  ignored: number;
}

/** What the inbound route answers: no such hook (a bare 404), a 413, a 400, or the summary (200). */
export type HookReceipt =
  | { kind: 'unknown' }
  | { kind: 'tooLarge' }
  | { kind: 'unreadable'; why: string }
  | { kind: 'received'; summary: HookSummary; results: IngestResult[] };

export interface CarrierHookServiceDeps extends ForwardDeps {
  storage: Pick<Storage, 'carrierHooks'>;
  clock: () => Date;
  events: Pick<CarrierEventService, 'ingest'>;
}

/**
 * The hook URL of a token under the public base.
 * @example hookUrl('https://api.example', 'cdek', 't') // 'https://api.example/v1/carrier-hooks/cdek/t'
 */
export const hookUrl = (base: string, carrier: HookCarrier, token: string): string =>
  `${base.replace(/\/+$/, '')}/v1/carrier-hooks/${carrier}/${token}`;

const viewOf = (record: CarrierHookRecord): CarrierHookView => ({
  id: record.hookId,
  carrier: record.carrier,
  createdAt: record.createdAt,
  ...(record.forwardTo === undefined ? {} : { forwardTo: record.forwardTo }),
});

function summaryOf(results: readonly IngestResult[]): HookSummary {
  const summary: HookSummary = {
    received: results.length,
    applied: 0,
    duplicate: 0,
    unmatched: 0,
    refused: 0,
    ignored: 0,
  };
  for (const result of results) summary[result.outcome] += 1;
  return summary;
}

const shopOf = (principal: Principal): string => principal.shopId ?? '';

/**
 * @example
 * const hooks = createCarrierHookService({ storage, clock, events });
 * const { url } = await hooks.create(principal, { carrier: 'cdek' }, { publicBase: 'https://api.example' });
 */
export function createCarrierHookService(deps: CarrierHookServiceDeps) {
  const { storage, clock, events } = deps;
  const repo = storage.carrierHooks;

  return {
    /**
     * A new hook of the caller's shop; its `url` carries the token, shown this once.
     * @throws {DomainError} invalid-input at `/forwardTo` (see checkForwardTo), or at
     *   `/carrier` when the shop has MAX_HOOKS_PER_SHOP hooks already.
     */
    async create(
      principal: Principal,
      input: { carrier: HookCarrier; forwardTo?: string | undefined },
      options: { publicBase: string },
    ): Promise<CarrierHookView & { url: string }> {
      const shopId = shopOf(principal);
      if (input.forwardTo !== undefined) checkForwardTo(input.forwardTo, options.publicBase);
      const token = toBase64Url(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES)));
      const hookId = `hk_${toBase64Url(crypto.getRandomValues(new Uint8Array(12)))}`;
      const record: CarrierHookRecord = {
        shopId,
        hookId,
        carrier: input.carrier,
        tokenHash: await sha256Hex(token),
        createdAt: clock().toISOString(),
        ...(input.forwardTo === undefined ? {} : { forwardTo: input.forwardTo }),
      };
      if (!(await repo.create(record, MAX_HOOKS_PER_SHOP))) {
        const message = `a shop has at most ${MAX_HOOKS_PER_SHOP} carrier hooks; revoke one first (DELETE /v1/carrier-hooks/{id})`;
        throw new DomainError('invalid-input', message, '/carrier', {
          params: { maximum: MAX_HOOKS_PER_SHOP },
        });
      }
      return { ...viewOf(record), url: hookUrl(options.publicBase, input.carrier, token) };
    },

    /** The caller's shop's hooks, without their tokens. */
    async list(
      principal: Principal,
      query: { limit: number; cursor?: string | undefined },
    ): Promise<Page<CarrierHookView>> {
      const page = await repo.list(shopOf(principal), {
        limit: query.limit,
        caller: principal.keyId,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return { ...page, items: page.items.map(viewOf) };
    },

    /**
     * Revokes a hook of the caller's shop: its URL is unknown from now on.
     * @throws {NotFoundError} no such hook (another shop's is not revealed).
     */
    async revoke(principal: Principal, hookId: string): Promise<void> {
      await repo.revoke(shopOf(principal), hookId);
    },

    /**
     * An inbound call to a CDEK hook: `readBody` gives the request's bytes as they came
     * (undefined past the size limit), read only for a live token. Its notices are recorded
     * before the answer; the payload is passed on (`forwardTo`) after it, through `defer`,
     * never delaying it.
     */
    async receiveCdek(
      token: string,
      readBody: () => Promise<Uint8Array | undefined>,
      options: { defer?: Defer | undefined } = {},
    ): Promise<HookReceipt> {
      // A token of another shape is no token of ours: not even a read for it.
      if (!TOKEN_PATTERN.test(token)) return { kind: 'unknown' };
      const target = await repo.findByToken(await sha256Hex(token));
      if (target === undefined || target.carrier !== 'cdek') return { kind: 'unknown' };
      const body = await readBody();
      if (body === undefined) return { kind: 'tooLarge' };
      // Every payload is passed on, even one we cannot read: the other receiver may.
      const { forwardTo } = target;
      if (forwardTo !== undefined) {
        const work = () => forwardPayload(deps, forwardTo, body, target);
        if (options.defer) options.defer(work);
        else void work();
      }
      let payload: unknown;
      try {
        payload = JSON.parse(
          new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body),
        );
      } catch {
        return { kind: 'unreadable', why: 'The body is not valid JSON (UTF-8).' };
      }
      const reading = readCdekWebhook(payload, { source: 'cdek_hook' });
      if (reading.kind === 'unreadable') return { kind: 'unreadable', why: reading.why };
      if (reading.kind === 'ignored') {
        return { kind: 'received', summary: { ...summaryOf([]), ignored: 1 }, results: [] };
      }
      const results = await events.ingest(target.shopId, reading.notices);
      return { kind: 'received', summary: summaryOf(results), results };
    },
  };
}

/** @example const service: CarrierHookService = createCarrierHookService(deps); */
export type CarrierHookService = ReturnType<typeof createCarrierHookService>;
