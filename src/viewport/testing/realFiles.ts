/**
 * Test-only access to real third-party files from vitest (Node), without Node's type definitions in the browser
 * project: `process.getBuiltinModule` hands over `fs` at run time, typed here with just what the tests use.
 * Never imported by app code (nothing in the bundle reaches it).
 */
interface MiniFs {
  existsSync(path: string): boolean;
  readFileSync(path: string): Uint8Array;
}

const fs = (globalThis as unknown as { process: { getBuiltinModule(id: 'node:fs'): MiniFs } }).process.getBuiltinModule('node:fs');

/** The repository root (this file is src/viewport/testing/). */
const REPO = new URL('../../../', import.meta.url);

/** Shared third-party fixtures: `<repo>/../shared/fixtures` (absent in a user's fresh clone). */
export const FIXTURES_DIR = decodeURIComponent(new URL('../shared/fixtures/', REPO).pathname).replace(/\/$/, '');
/** CMU BVH clips from Debian's assimp-testmodels package. */
export const BVH_DIR = '/usr/share/assimp/models/BVH';

export function exists(path: string): boolean {
  return fs.existsSync(path);
}

export function readBuffer(path: string): ArrayBuffer {
  const b = fs.readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
