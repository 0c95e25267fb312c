/**
 * The desk's server-side sessions on DynamoDB Local: what sign-in stores,
 * what every desk request reads, and what sign-out (here or everywhere) deletes.
 */
import { randomUUID } from 'node:crypto';
import { DescribeTimeToLiveCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { newSessionId } from '../../src/desk/session/session-cookie';
import { ConflictError, type DeskSessionRecord } from '../../src/storage/repository';
import { TTL_ATTRIBUTE } from '../../src/storage/table';
import { at, freshStorage } from './helpers';

const { client, tableName, deskSessions } = await freshStorage();

const NOW = 1_767_225_600;
const EIGHT_HOURS = 8 * 60 * 60;

/** A stored session of `keyId` (a fresh key unless given), 8 h from NOW. */
async function signedIn(keyId = `k${randomUUID().slice(0, 15)}`): Promise<DeskSessionRecord> {
  const session = {
    keyId,
    sessionId: newSessionId(),
    createdAt: at(0),
    expiresAt: NOW + EIGHT_HOURS,
  };
  expect(await deskSessions.create(session)).toStrictEqual(session);
  return session;
}

const read = (s: DeskSessionRecord, now = NOW) => deskSessions.get(s.keyId, s.sessionId, now);

describe('DeskSessionRepository', () => {
  it('reads back a session it created, as created', async () => {
    const session = await signedIn();
    expect(await read(session)).toStrictEqual(session);
  });

  it('knows no session it did not create, even of a key that has one', async () => {
    const session = await signedIn();
    expect(await deskSessions.get(session.keyId, newSessionId(), NOW)).toBeUndefined();
    expect(await deskSessions.get('k-unknown', session.sessionId, NOW)).toBeUndefined();
  });

  it('refuses to create a session id twice', async () => {
    const session = await signedIn();
    await expect(deskSessions.create({ ...session, createdAt: at(5) })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await read(session)).toStrictEqual(session);
  });

  it('holds a session until its expiry, by the caller’s clock, though TTL has not removed it', async () => {
    const session = await signedIn();
    expect(await read(session, session.expiresAt - 1)).toStrictEqual(session);
    expect(await read(session, session.expiresAt)).toBeUndefined();
    expect(await read(session, session.expiresAt + 3600)).toBeUndefined();
    // Still stored: only the read's own check ends it (TTL deletes within ~48 h).
    const stored = await client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { pk: { S: `DESKKEY#${session.keyId}` }, sk: { S: `SESSION#${session.sessionId}` } },
        ConsistentRead: true,
      }),
    );
    expect(stored.Item?.[TTL_ATTRIBUTE]).toStrictEqual({ N: String(session.expiresAt) });
  });

  it('stores the expiry in the table’s TTL attribute, which the table has enabled', async () => {
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(TTL_ATTRIBUTE);
    expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
  });

  it('deletes one session, leaving the key’s others', async () => {
    const keyId = `k${randomUUID().slice(0, 15)}`;
    const here = await signedIn(keyId);
    const there = await signedIn(keyId);
    await deskSessions.delete(keyId, here.sessionId);
    expect(await read(here)).toBeUndefined();
    expect(await read(there)).toStrictEqual(there);
  });

  it('deletes a missing session without complaint', async () => {
    await expect(deskSessions.delete('k-nobody', newSessionId())).resolves.toBeUndefined();
  });

  it('deletes every session of a key, and no other key’s', async () => {
    const keyId = `k${randomUUID().slice(0, 15)}`;
    // More than one BatchWriteItem holds (25), and an expired one TTL has not removed yet.
    const mine = await Promise.all(Array.from({ length: 60 }, () => signedIn(keyId)));
    const expired = { keyId, sessionId: newSessionId(), createdAt: at(0), expiresAt: NOW - 1 };
    await deskSessions.create(expired);
    const other = await signedIn();
    expect(await deskSessions.deleteAllForKey(keyId)).toBe(61);
    for (const session of [...mine, expired]) expect(await read(session, 0)).toBeUndefined();
    expect(await read(other)).toStrictEqual(other);
    expect(await deskSessions.deleteAllForKey(keyId)).toBe(0);
  });
});
