/**
 * Evidence files in R2, through the Worker as deployed: upload, download,
 * listing, who may see them, and every refusal as problem+json.
 */
import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileOk, move, seedKey, seedShop } from './claims-helpers';
import { call } from './helpers';

const bucket = (env as { EVIDENCE_FILES: R2Bucket }).EVIDENCE_FILES;

/** A small but real-looking PDF, PNG and JPEG: their magic numbers, then filler. */
const pdf = (size = 2048) => bytesOf('%PDF-1.7\n', size);
const png = (size = 1024) => withHead([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], size);
const jpeg = (size = 1024) => withHead([0xff, 0xd8, 0xff, 0xe0], size);

function bytesOf(head: string, size: number): Uint8Array {
  return withHead([...new TextEncoder().encode(head)], size);
}
function withHead(head: number[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) % 251;
  bytes.set(head);
  return bytes;
}

const hex = async (bytes: Uint8Array) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

const fileUrl = (id: string, evidenceId: string, query = '') =>
  `http://api.test/v1/claims/${id}/evidence/${evidenceId}/file${query}`;

/** PUTs bytes (or a stream) as the file of an entry. */
async function put(
  auth: Record<string, string>,
  id: string,
  evidenceId: string,
  body: BodyInit | null,
  contentType: string | undefined,
  query = '',
) {
  const headers: Record<string, string> = { ...auth };
  if (contentType) headers['content-type'] = contentType;
  const res = await SELF.fetch(fileUrl(id, evidenceId, query), { method: 'PUT', headers, body });
  const text = await res.text();
  const json = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  return { status: res.status, headers: res.headers, json, text };
}

async function download(auth: Record<string, string>, id: string, evidenceId: string) {
  const res = await SELF.fetch(fileUrl(id, evidenceId), { headers: auth });
  return {
    status: res.status,
    headers: res.headers,
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

const problemOf = (text: string) => JSON.parse(text) as { type: string; detail: string };

describe('evidence files', () => {
  let shop: Awaited<ReturnType<typeof seedShop>>;
  let other: Awaited<ReturnType<typeof seedShop>>;
  let clerk: Awaited<ReturnType<typeof seedKey>>;
  beforeAll(async () => {
    [shop, other, clerk] = await Promise.all([seedShop(), seedShop(), seedKey('clerk')]);
  });

  it('stores an upload with its SHA-256 and gives the same bytes back as an attachment', async () => {
    const claim = await fileOk(shop.auth);
    const bytes = pdf(5000);
    const up = await put(
      shop.auth,
      claim.id,
      'ev_1',
      bytes,
      'application/pdf',
      '?fileName=receipt.pdf',
    );
    expect(up.status, up.text).toBe(201);
    const sha256 = await hex(bytes);
    expect(up.json).toEqual({
      evidenceId: 'ev_1',
      contentType: 'application/pdf',
      size: 5000,
      sha256,
      fileName: 'receipt.pdf',
      uploadedAt: '2025-06-16T09:00:00.000Z',
      uploadedBy: shop.shopId,
    });
    expect(up.headers.get('location')).toBe(`/v1/claims/${claim.id}/evidence/ev_1/file`);
    expect(up.headers.get('etag')).toBe(`"${sha256}"`);
    expect(up.headers.get('cache-control')).toBe('no-store');

    const got = await download(shop.auth, claim.id, 'ev_1');
    expect(got.status).toBe(200);
    expect(got.bytes).toEqual(bytes);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="receipt.pdf"; filename*=UTF-8''receipt.pdf`,
    );
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toBe('private, no-store');
    expect(got.headers.get('etag')).toBe(`"${sha256}"`);
    const digest = btoa(
      String.fromCharCode(...(sha256.match(/../g) ?? []).map((p) => parseInt(p, 16))),
    );
    expect(got.headers.get('repr-digest')).toBe(`sha-256=:${digest}:`);

    // R2 is the record: the object under the claim and entry, with its metadata.
    const object = await bucket.head(`claims/${claim.id}/evidence/ev_1`);
    expect(object?.httpMetadata?.contentType).toBe('application/pdf');
    expect(object?.httpMetadata?.contentDisposition).toContain('attachment;');
    expect(object?.customMetadata).toEqual({
      sha256,
      size: '5000',
      fileName: 'receipt.pdf',
      uploadedAt: '2025-06-16T09:00:00.000Z',
      uploadedBy: shop.shopId,
    });
  });

  it('keeps a file as first uploaded: a second upload is 409 file-exists', async () => {
    const claim = await fileOk(shop.auth);
    const first = pdf(3000);
    expect((await put(shop.auth, claim.id, 'ev_1', first, 'application/pdf')).status).toBe(201);
    const again = await put(clerk.auth, claim.id, 'ev_1', pdf(4000), 'application/pdf');
    expect(again.status, again.text).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect(problemOf(again.text).type).toBe('/problems/file-exists');
    expect((await download(shop.auth, claim.id, 'ev_1')).bytes).toEqual(first);
  });

  it('stores one of two racing uploads; the other is 409', async () => {
    const claim = await fileOk(shop.auth);
    const [a, b] = [pdf(2000), pdf(2001)];
    const answers = await Promise.all([
      put(shop.auth, claim.id, 'ev_1', a, 'application/pdf'),
      put(clerk.auth, claim.id, 'ev_1', b, 'application/pdf'),
    ]);
    expect(answers.map((x) => x.status).sort()).toEqual([201, 409]);
    const kept = answers.find((x) => x.status === 201)?.json.sha256;
    const got = await download(shop.auth, claim.id, 'ev_1');
    expect(await hex(got.bytes)).toBe(kept);
  });

  it('lets a clerk upload and download any shop’s files; another shop gets 404 as for the claim', async () => {
    const claim = await fileOk(shop.auth);
    const bytes = png(800);
    const up = await put(clerk.auth, claim.id, 'ev_1', bytes, 'image/png');
    expect(up.status, up.text).toBe(201);
    expect(up.json.uploadedBy).toBe(`clerk:${clerk.keyId}`);
    expect((await download(shop.auth, claim.id, 'ev_1')).bytes).toEqual(bytes);
    expect((await download(clerk.auth, claim.id, 'ev_1')).bytes).toEqual(bytes);

    const read = await download(other.auth, claim.id, 'ev_1');
    expect(read.status).toBe(404);
    expect(JSON.parse(new TextDecoder().decode(read.bytes))).toMatchObject({
      type: '/problems/not-found',
    });
    const write = await put(other.auth, claim.id, 'ev_1', png(), 'image/png');
    expect(write.status, write.text).toBe(404);
    expect(problemOf(write.text).type).toBe('/problems/not-found');
    const list = await call('GET', `/v1/claims/${claim.id}/files`, undefined, other.auth);
    expect(list.status).toBe(404);
    const anonymous = await put({}, claim.id, 'ev_1', png(), 'image/png');
    expect(anonymous.status).toBe(401);
  });

  it('names an unknown entry, a bad id and a missing file, each as its own problem', async () => {
    const claim = await fileOk(shop.auth);
    const unknown = await put(shop.auth, claim.id, 'ev_9', pdf(), 'application/pdf');
    expect(unknown.status, unknown.text).toBe(404);
    expect(problemOf(unknown.text).type).toBe('/problems/evidence-not-found');
    const bad = await put(shop.auth, claim.id, 'photo', pdf(), 'application/pdf');
    expect(bad.status, bad.text).toBe(422);
    expect(bad.json.errors).toEqual([expect.objectContaining({ parameter: 'evidenceId' })]);
    const badName = await put(
      shop.auth,
      claim.id,
      'ev_1',
      pdf(),
      'application/pdf',
      '?fileName=a%2Fb.pdf',
    );
    expect(badName.status, badName.text).toBe(422);
    expect(badName.json.errors).toEqual([expect.objectContaining({ parameter: 'fileName' })]);
    const none = await download(shop.auth, claim.id, 'ev_1');
    expect(none.status).toBe(404);
    expect(JSON.parse(new TextDecoder().decode(none.bytes))).toMatchObject({
      type: '/problems/file-not-found',
    });
  });

  it('refuses other types (415) and bytes that are not what the type says (422)', async () => {
    const claim = await fileOk(shop.auth);
    for (const type of ['text/plain', 'application/json', 'image/gif', undefined]) {
      const refused = await put(shop.auth, claim.id, 'ev_1', pdf(), type);
      expect(refused.status, `${type}: ${refused.text}`).toBe(415);
      expect(problemOf(refused.text).type).toBe('/problems/file-type-unsupported');
    }
    const html = bytesOf('<html><script>alert(1)</script>', 200);
    for (const [bytes, type] of [
      [png(), 'application/pdf'],
      [html, 'image/jpeg'],
      [new Uint8Array(), 'image/png'],
    ] as const) {
      const refused = await put(shop.auth, claim.id, 'ev_1', bytes, type);
      expect(refused.status, refused.text).toBe(422);
      expect(problemOf(refused.text).type).toBe('/problems/file-type-mismatch');
    }
    // Nothing was stored by the refusals: the entry takes its real file.
    expect(
      (await put(shop.auth, claim.id, 'ev_1', jpeg(), 'image/jpeg; charset=binary')).status,
    ).toBe(201);
  });

  it('takes files far over the 64 KB JSON limit and refuses over 10 MB, declared or chunked', async () => {
    const claim = await claimWithThreeEntries(shop.auth);
    const big = jpeg(3 * 1024 * 1024);
    const up = await put(shop.auth, claim.id, 'ev_2', big, 'image/jpeg');
    expect(up.status, up.text).toBe(201);
    expect(up.json.size).toBe(big.length);

    const over = jpeg(10 * 1024 * 1024 + 1);
    const declared = await put(shop.auth, claim.id, 'ev_3', over, 'image/jpeg');
    expect(declared.status, declared.text).toBe(413);
    expect(problemOf(declared.text).type).toBe('/problems/file-too-large');

    // A stream of unknown length: counted as it arrives.
    const putStream = (bytes: Uint8Array, chunk: number) =>
      put(shop.auth, claim.id, 'ev_3', streamOf(bytes, chunk), 'image/jpeg');
    const chunked = await putStream(over, 256 * 1024);
    expect(chunked.status, chunked.text).toBe(413);
    expect(problemOf(chunked.text).type).toBe('/problems/file-too-large');
    const under = await putStream(jpeg(300_000), 64 * 1024);
    expect(under.status, under.text).toBe(201);
    expect(under.json.size).toBe(300_000);
    expect(under.json.sha256).toBe(await hex(jpeg(300_000)));
  });

  it('lists a claim’s files in evidence order, and the JSON routes keep their 64 KB limit', async () => {
    const claim = await claimWithThreeEntries(shop.auth);
    expect((await put(shop.auth, claim.id, 'ev_3', png(), 'image/png')).status).toBe(201);
    expect((await put(shop.auth, claim.id, 'ev_1', pdf(), 'application/pdf')).status).toBe(201);
    const list = await call('GET', `/v1/claims/${claim.id}/files`, undefined, clerk.auth);
    expect(list.status, list.text).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const items = list.body.items as { evidenceId: string; contentType: string }[];
    expect(items.map((f) => [f.evidenceId, f.contentType])).toEqual([
      ['ev_1', 'application/pdf'],
      ['ev_3', 'image/png'],
    ]);
    const json = await call(
      'POST',
      `/v1/claims/${claim.id}/evidence`,
      'x'.repeat(70_000),
      shop.auth,
    );
    expect(json.status).toBe(413);
  });
});

/** A filed claim with evidence ev_1 (from the filing), ev_2 and ev_3. */
async function claimWithThreeEntries(auth: Record<string, string>) {
  const claim = await fileOk(auth);
  const added = await move(claim.id, 'evidence', auth, {
    evidence: [
      { kind: 'photo', name: 'box.jpg' },
      { kind: 'photo', name: 'label.jpg' },
    ],
  });
  expect(added.status, added.text).toBe(200);
  return claim;
}

function streamOf(bytes: Uint8Array, chunk: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
}
