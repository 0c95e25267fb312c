/**
 * Local data is private: `.data/` holds API keys, the desk's signing secret and every claim
 * (names, e-mails, phones). Its folders are 0700 and its files 0600, for data written before
 * this rule too.
 */
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and its parents) if needed, then makes it and everything below it private:
 * folders 0700, files 0600.
 *
 * @example
 * privateDirectory('.data/dynamodb');
 */
export function privateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) privateDirectory(path);
    else if (entry.isFile()) chmodSync(path, PRIVATE_FILE_MODE);
  }
}

/**
 * Writes `text` to `file`, readable by its owner only (0600), even when the file existed.
 *
 * @example
 * writePrivateFile('.data/demo-keys.json', JSON.stringify(keys));
 */
export function writePrivateFile(file: string, text: string): void {
  writeFileSync(file, text, { mode: PRIVATE_FILE_MODE });
  chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * Runs `start` (which spawns a process) with umask 077, so what that process creates is
 * private as well (files 0600, folders 0700); the umask is restored right after.
 *
 * @example
 * const child = withPrivateUmask(() => spawn('java', args));
 */
export function withPrivateUmask<T>(start: () => T): T {
  const previous = process.umask(0o077);
  try {
    return start();
  } finally {
    process.umask(previous);
  }
}
