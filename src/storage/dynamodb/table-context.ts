/**
 * What every repository is built on: the client, the table, how many shards the clerk-wide
 * views have, and the key that seals list cursors.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DEFAULT_VIEW_SHARDS, MAX_VIEW_SHARDS } from './keys';

export interface DynamoTable {
  client: DynamoDBClient;
  tableName: string;
  /** Shards of the clerk-wide views (VIEW_SHARDS); default DEFAULT_VIEW_SHARDS. */
  viewShards?: number | undefined;
  /**
   * Seals the list cursors (see ./views.ts). Default: a fixed local-only key per table
   * name, so anyone who reads this code can forge cursors for their own listings (a forged
   * cursor still cannot leave the caller's own partitions). Production sets CURSOR_SECRET.
   */
  cursorSecret?: string | undefined;
}

/** The cursor key of a table without CURSOR_SECRET (local, dev, tests). */
export const localCursorSecret = (tableName: string): string =>
  `parcel-claims local cursor secret for table ${tableName}`;

/** The resolved context a repository keeps. */
export interface TableContext {
  client: DynamoDBClient;
  table: string;
  shards: number;
  cursorSecret: string;
}

/**
 * @example const ctx = tableContext({ client, tableName: 't' }); ctx.shards // 4
 */
export function tableContext(options: DynamoTable): TableContext {
  const shards = options.viewShards ?? DEFAULT_VIEW_SHARDS;
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_VIEW_SHARDS) {
    throw new RangeError(`viewShards must be an integer from 1 to ${MAX_VIEW_SHARDS}`);
  }
  return {
    client: options.client,
    table: options.tableName,
    shards,
    cursorSecret: options.cursorSecret ?? localCursorSecret(options.tableName),
  };
}

/** Shards 0..shards-1. */
export const allShards = (shards: number): number[] => Array.from({ length: shards }, (_, i) => i);
