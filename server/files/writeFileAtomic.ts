import crypto from 'node:crypto';
import fs from 'node:fs/promises';

/**
 * Writes a file so that readers see either the old bytes or all of the new ones, never a partial
 * file: temp file in the same folder, fsync, then rename (atomic on one filesystem).
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    try {
      if (bytes instanceof Uint8Array) await handle.writeFile(bytes);
      else for await (const chunk of bytes) await handle.write(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    // A disk that filled up mid-write must not keep the partial temp file: it holds the space the retry needs.
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
