/**
 * The local asset cache: every file a job produces (or downloads from a provider) lives here,
 * so downloads survive provider URL expiry and server restarts.
 * Writes are atomic (temp file + fsync + rename) and every file carries its sha256, which is
 * checked before serving: a partial or corrupted file is reported, never served.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './writeFileAtomic.ts';

const SAFE_SEGMENT = /^[A-Za-z0-9_.-]{1,128}$/;

export class CacheIntegrityError extends Error {
  constructor(readonly relPath: string, reason: string) {
    super(`cached file ${relPath} is ${reason}`);
    this.name = 'CacheIntegrityError';
  }
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
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
    return { bytes: bytes.byteLength, sha256: sha256(bytes) };
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
    if (sha256(bytes) !== expectedSha256) throw new CacheIntegrityError(relPath, 'corrupted (checksum mismatch)');
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async removeDir(relDir: string): Promise<void> {
    await fs.rm(this.resolve(relDir), { recursive: true, force: true });
  }
}
