/**
 * The refusals of the webhook calls, each with a stable code answered from the API's one
 * table (src/http/problem-types.ts): no such endpoint or delivery (`not-found`, 404), the
 * shop's endpoints at their cap (`webhook-endpoint-limit`, 422 with `maximum`), a replay
 * to a disabled endpoint (`webhook-endpoint-disabled`, 409).
 */
import { CodedError } from '../domain/errors';

export type WebhookErrorCode = 'webhook-endpoint-limit' | 'webhook-endpoint-disabled';

/** @example throw new WebhookNotFoundError('endpoint', 'we_1'); */
export class WebhookNotFoundError extends CodedError {
  override readonly name = 'WebhookNotFoundError';
  readonly code = 'not-found' as const;
  constructor(what: 'endpoint' | 'delivery', id: string) {
    super(`No webhook ${what} ${id}.`);
  }
}

/** @example throw new WebhookError('webhook-endpoint-limit', 'A shop has at most 10 endpoints.', { maximum: 10 }); */
export class WebhookError extends CodedError {
  override readonly name = 'WebhookError';
  readonly maximum?: number;
  constructor(
    readonly code: WebhookErrorCode,
    message: string,
    members: { maximum?: number } = {},
  ) {
    super(message);
    if (members.maximum !== undefined) this.maximum = members.maximum;
  }
}
