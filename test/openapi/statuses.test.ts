/**
 * The statuses every operation can answer whatever it does (issue 19: "the spec documenting
 * every status an operation can return"), held against the document statically, for those
 * the HTTP tests cannot provoke on each operation (an outage, a spent rate limit, a bug).
 * What the HTTP tests and the fuzz drill do provoke is checked against it after each of
 * their files (test/http/statuses.setup.ts; test/http/statuses.test.ts sends every
 * operation the generic refusals).
 */
import { describe, expect, it } from 'vitest';
import { getDoc, isKeyed, operations, type Doc } from './document';

describe('the statuses in the OpenAPI document', () => {
  it('are on every operation that can answer them', async () => {
    const doc = await getDoc();
    const missing: string[] = [];
    for (const { path, method, op } of operations(doc)) {
      const due = new Set<string>();
      // The key: none or revoked (401), spent (429); storage (503) and a bug (500).
      if (isKeyed(op)) ['401', '429', '500', '503'].forEach((s) => due.add(s));
      // One role only: the other's key is a 403.
      const who = /^Who may call: (.*?)\.(?: |$)/.exec(op.description ?? '')?.[1] ?? '';
      if (isKeyed(op) && !(who.includes('**shop**') && who.includes('**clerk**'))) due.add('403');
      // Every request is held to the body rules before its route (src/http/body-guard.ts):
      // the size limit whatever the method, JSON where the method carries a body.
      const raw = path.endsWith('/file') && method === 'put';
      // A carrier's call takes any Content-Type, and is read, never refused for its fields.
      const hookCall = path.startsWith('/v1/carrier-hooks/cdek/');
      if (method !== 'get' && !raw) due.add('413');
      if ((method === 'post' || method === 'put') && !raw && !hookCall) due.add('415');
      // A JSON body is parsed (400) and validated (422).
      if (op.requestBody?.content['application/json']) {
        ['400', ...(hookCall ? [] : ['422'])].forEach((s) => due.add(s));
      }
      for (const status of due) {
        if (!(status in op.responses)) missing.push(`${method.toUpperCase()} ${path}: ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('name on each 409 exactly the problem types the operation can answer', async () => {
    const doc = await getDoc();
    const documented: Record<string, string[]> = {};
    for (const { op } of operations(doc)) {
      const schema = op.responses['409']?.content?.['application/problem+json']?.schema;
      if (schema) documented[op.operationId ?? ''] = problemTypes(doc, schema);
    }
    expect(documented).toEqual(CONFLICTS);
  });
});

/**
 * What each operation can answer with 409, read off the code that answers it (a copy-pasted
 * 409 shows here as a type the operation cannot give). The moves, the cause and the
 * assignment go through `claims.move` (src/services/claims.ts): a move the status does not
 * allow is `invalid-transition` (only the status moves check one), a race lost without
 * If-Match `conflict` (with it, a 412). A filing is refused by the open-claim guard
 * (`claim-exists`) or, its generated id taken, `conflict`. A note finding no free number at
 * its instant is a `conflict` (src/storage/dynamodb/note-repository.ts). The order, the
 * shop's profile, a file, the remedies and the webhook calls have their own.
 */
const CONFLICTS: Record<string, string[]> = {
  fileClaim: ['claim-exists', 'conflict'],
  fileShipmentClaim: ['claim-exists', 'conflict'],
  ...Object.fromEntries(
    ['reviewClaim', 'cancelClaim', 'addClaimEvidence', 'decideClaim', 'recordClaimPayment'].map(
      (id) => [id, ['invalid-transition', 'conflict']],
    ),
  ),
  assignClaimToMe: ['conflict'],
  unassignClaim: ['conflict'],
  setClaimCause: ['conflict'],
  addClaimNote: ['conflict'],
  offerClaimRemedy: ['claim-cancelled'],
  acceptClaimRemedy: ['remedy-settled', 'claim-cancelled'],
  declineClaimRemedy: ['remedy-settled', 'claim-cancelled'],
  putShop: ['shop-changed'],
  uploadEvidenceFile: ['file-exists'],
  putOrder: ['order-changed'],
  testWebhookEndpoint: ['webhook-endpoint-disabled'],
  recoverWebhookEndpoint: ['webhook-endpoint-disabled'],
  replayWebhookDelivery: ['webhook-endpoint-disabled'],
  fileAuditClaims: ['shop-profile-required', 'audit-not-completed'],
};

/** The problem slugs a response schema allows: its `type` enum, through `$ref` and `oneOf`. */
function problemTypes(doc: Doc, schema: Record<string, unknown>): string[] {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    return problemTypes(doc, doc.components.schemas[ref.split('/').pop() ?? ''] ?? {});
  }
  if (Array.isArray(schema.oneOf)) {
    return (schema.oneOf as Record<string, unknown>[]).flatMap((s) => problemTypes(doc, s));
  }
  const type = (schema.properties as { type?: { enum?: string[] } } | undefined)?.type;
  return (type?.enum ?? []).map((uri) => uri.replace('/problems/', ''));
}
