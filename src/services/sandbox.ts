/**
 * The sandbox's carrier: a test key's `{waybill, code, at}` is written as the payload CDEK
 * would send (an ORDER_STATUS webhook), read by the same reader as a real hook and recorded by
 * the same `ingest`, in the test key's own shop (`<shop>~test`). So a developer drives a parcel
 * from created to delivered late and watches the shipment, the late list and claims react,
 * with no CDEK account and none of the live shop's data.
 */
import { readCdekWebhook, sandboxWebhook } from '../carriers/cdek';
import type { Principal } from './actor';
import type { CarrierEventService } from './carrier-events';

/** What a developer asks the sandbox to report. */
export interface SandboxEventRequest {
  waybill: string;
  /** A CDEK status code (Appendix 1 of CDEK's API documentation); any text is taken. */
  code: string;
  /** An instant; the offset may be written as CDEK writes it (`+0700`) or as we do (`+07:00`). */
  at: string;
  orderNumber?: string | undefined;
}

export interface SandboxDeps {
  carrierEvents: Pick<CarrierEventService, 'ingest'>;
}

/**
 * `+0700` (CDEK's way) as `+07:00`; anything else as it is (the payload's reader judges it).
 * @example withColonOffset('2026-03-03T14:12:00+0700') // '2026-03-03T14:12:00+07:00'
 */
export const withColonOffset = (at: string): string => at.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');

/**
 * @example
 * const sandbox = createSandboxService({ carrierEvents });
 * const { results, payload } = await sandbox.carrierEvent(principal, { waybill: '1106207236', code: 'DELIVERED', at: '2026-03-03T14:12:00+0700' });
 */
export function createSandboxService(deps: SandboxDeps) {
  return {
    /**
     * Sends one CDEK-shaped event through the hook path, for the test key's shop.
     * @throws {DomainError} `invalid-input` at `/at` when `at` is no instant.
     */
    async carrierEvent(principal: Principal, request: SandboxEventRequest) {
      const payload = sandboxWebhook({
        waybill: request.waybill,
        code: request.code,
        at: withColonOffset(request.at),
        ...(request.orderNumber === undefined ? {} : { orderNumber: request.orderNumber }),
      });
      const reading = readCdekWebhook(payload, { source: 'sandbox' });
      const notices = reading.kind === 'notices' ? reading.notices : [];
      const results = await deps.carrierEvents.ingest(principal.shopId ?? '', notices);
      return { results, payload };
    },
  };
}

/** @example const service: SandboxService = createSandboxService(deps); */
export type SandboxService = ReturnType<typeof createSandboxService>;
