/**
 * Uploaded characters on disk: `<dataDir>/characters/<id>.<ext>` plus `<id>.json` metadata.
 * Ids are generated here (`chr_` + random), so no user-controlled text ever becomes part of a path;
 * the user's name is only a label inside the metadata. The model is written before its metadata
 * (both atomically), so a listed character always has its complete file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ModelFormat } from './sniffModel.ts';
import { writeFileAtomic } from '../files/writeFileAtomic.ts';

export const CHARACTER_ID = /^chr_[a-z0-9]{16}$/;

export const CharacterMeta = z.object({
  id: z.string().regex(CHARACTER_ID),
  name: z.string(),
  format: z.enum(['glb', 'vrm', 'fbx']),
  bytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type CharacterMeta = z.infer<typeof CharacterMeta>;

export class CharacterStore {
  constructor(readonly dir: string) {}

  static newId(): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    return `chr_${Array.from(crypto.randomBytes(16), (b) => alphabet[b % 36]).join('')}`;
  }

  async add(name: string, format: ModelFormat, bytes: Uint8Array): Promise<CharacterMeta> {
    await fs.mkdir(this.dir, { recursive: true });
    const meta: CharacterMeta = {
      id: CharacterStore.newId(),
      name,
      format,
      bytes: bytes.byteLength,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      createdAt: new Date().toISOString(),
    };
    await writeFileAtomic(this.modelPath(meta), bytes);
    await writeFileAtomic(this.metaPath(meta.id), new TextEncoder().encode(JSON.stringify(meta)));
    return meta;
  }

  /** Oldest first, so the list order is stable as characters are added. */
  async list(): Promise<CharacterMeta[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const metas = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => this.get(n.slice(0, -5))));
    return metas.filter((m): m is CharacterMeta => m !== null).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<CharacterMeta | null> {
    if (!CHARACTER_ID.test(id)) return null;
    try {
      const parsed = CharacterMeta.safeParse(JSON.parse(await fs.readFile(this.metaPath(id), 'utf8')));
      return parsed.success && parsed.data.id === id ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** The model bytes, verified against the checksum taken at upload; null when missing or damaged. */
  async read(id: string): Promise<{ meta: CharacterMeta; bytes: Uint8Array } | null> {
    const meta = await this.get(id);
    if (!meta) return null;
    try {
      const buf = await fs.readFile(this.modelPath(meta));
      if (crypto.createHash('sha256').update(buf).digest('hex') !== meta.sha256) return null;
      return { meta, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
    } catch {
      return null;
    }
  }

  async remove(id: string): Promise<boolean> {
    const meta = await this.get(id);
    if (!meta) return false;
    // Metadata first: once it is gone the character is no longer listed, even if the model unlink fails.
    await fs.rm(this.metaPath(id), { force: true });
    await fs.rm(this.modelPath(meta), { force: true });
    return true;
  }

  private modelPath(meta: Pick<CharacterMeta, 'id' | 'format'>): string {
    return path.join(this.dir, `${meta.id}.${meta.format}`);
  }

  private metaPath(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }
}

const stores = new Map<string, CharacterStore>();

/** One store per data directory, shared by the upload routes and the providers that rig characters. */
export function characterStoreFor(dataDir: string): CharacterStore {
  const dir = path.join(path.resolve(dataDir), 'characters');
  let store = stores.get(dir);
  if (!store) {
    store = new CharacterStore(dir);
    stores.set(dir, store);
  }
  return store;
}
