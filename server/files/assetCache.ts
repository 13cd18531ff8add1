/**
 * The local asset cache: every file a job produces (or downloads from a provider) lives here,
 * so downloads survive provider URL expiry and server restarts.
 * Writes are atomic (temp file + fsync + rename) and every file carries its sha256, which is
 * checked before serving: a partial or corrupted file is reported, never served.
 */
import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './writeFileAtomic.ts';

const SAFE_SEGMENT = /^[A-Za-z0-9_.-]{1,128}$/;

/** Why a cached file cannot be served: gone, or its bytes no longer match the recorded sha256. */
export type CacheFault = 'missing' | 'corrupt';

/** How each fault reads in a sentence ("The cached glb file of job … is missing"). */
const FAULT_TEXT: Record<CacheFault, string> = { missing: 'missing', corrupt: 'corrupted (checksum mismatch)' };

export class CacheIntegrityError extends Error {
  constructor(
    readonly relPath: string,
    readonly reason: CacheFault,
  ) {
    super(`cached file ${relPath} is ${FAULT_TEXT[reason]}`);
    this.name = 'CacheIntegrityError';
  }

  /** The fault as words, for messages that say what happened to the file. */
  get state(): string {
    return FAULT_TEXT[this.reason];
  }
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** sha256 of a large buffer in 4 MiB steps, letting other requests run between them. */
async function sha256Yielding(bytes: Uint8Array): Promise<string> {
  const STEP = 4 * 1024 * 1024;
  if (bytes.byteLength <= STEP) return sha256(bytes);
  const hash = crypto.createHash('sha256');
  for (let at = 0; at < bytes.byteLength; at += STEP) {
    hash.update(bytes.subarray(at, at + STEP));
    await new Promise((r) => setImmediate(r));
  }
  return hash.digest('hex');
}

export class AssetCache {
  constructor(readonly root: string) {}

  /** Resolves a cache-relative path, refusing anything that could escape the cache root. */
  resolve(relPath: string): string {
    const segments = relPath.split('/');
    if (segments.some((s) => !SAFE_SEGMENT.test(s) || s === '.' || s === '..')) {
      throw new Error(`unsafe cache path: ${relPath}`);
    }
    const full = path.resolve(this.root, ...segments);
    if (!full.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`unsafe cache path: ${relPath}`);
    return full;
  }

  async write(relPath: string, bytes: Uint8Array): Promise<{ bytes: number; sha256: string }> {
    const full = this.resolve(relPath);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await writeFileAtomic(full, bytes);
    return { bytes: bytes.byteLength, sha256: await sha256Yielding(bytes) };
  }

  /** Reads and verifies a file; throws CacheIntegrityError when it is missing, truncated or altered. */
  async read(relPath: string, expectedSha256: string): Promise<Uint8Array> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.resolve(relPath));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CacheIntegrityError(relPath, 'missing');
      throw err;
    }
    if (sha256(bytes) !== expectedSha256) throw new CacheIntegrityError(relPath, 'corrupt');
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Verified files by (path, inode, size, mtime): a large file is hashed once per version, not per download. */
  private readonly verified = new Map<string, string>();

  /**
   * Checks a file's sha256 by streaming it (flat memory, whatever its size) and returns where it is, so a
   * download can stream it from disk instead of holding it in memory. Throws CacheIntegrityError like read().
   */
  async verifiedPath(relPath: string, expectedSha256: string): Promise<{ path: string; size: number }> {
    const full = this.resolve(relPath);
    let st: import('node:fs').Stats;
    try {
      st = await fs.stat(full);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CacheIntegrityError(relPath, 'missing');
      throw err;
    }
    const version = `${full}:${st.ino}:${st.size}:${st.mtimeMs}`;
    if (this.verified.get(full) !== version) {
      const hash = crypto.createHash('sha256');
      for await (const chunk of createReadStream(full, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
      if (hash.digest('hex') !== expectedSha256) throw new CacheIntegrityError(relPath, 'corrupt');
      if (this.verified.size > 10_000) this.verified.clear();
      this.verified.set(full, version);
    }
    return { path: full, size: st.size };
  }

  /** Like write(), from chunks (a zip being built), so the whole file never sits in memory. */
  async writeStream(relPath: string, chunks: AsyncIterable<Uint8Array>): Promise<{ bytes: number; sha256: string }> {
    const full = this.resolve(relPath);
    await fs.mkdir(path.dirname(full), { recursive: true });
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    await writeFileAtomic(
      full,
      (async function* () {
        for await (const chunk of chunks) {
          hash.update(chunk);
          bytes += chunk.byteLength;
          yield chunk;
        }
      })(),
    );
    return { bytes, sha256: hash.digest('hex') };
  }

  async removeDir(relDir: string): Promise<void> {
    await fs.rm(this.resolve(relDir), { recursive: true, force: true });
  }
}
