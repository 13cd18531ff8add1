/**
 * SayMotion serves FBX as a zip archive. The studio previews and downloads plain .fbx files, so the
 * archive is unpacked here; when it holds more than the .fbx (textures, a second model) the original
 * zip is kept as well, so nothing SayMotion sent is dropped.
 */
import { unzipSync } from 'fflate';
import { ProviderError } from '../provider.ts';

/** An unpacked archive larger than this is not a motion clip (and could be a zip bomb). */
const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

const FBX_BINARY_MAGIC = 'Kaydara FBX Binary';

function startsWithText(bytes: Uint8Array, text: string): boolean {
  if (bytes.byteLength < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function isFbx(bytes: Uint8Array): boolean {
  // Binary FBX starts with the Kaydara magic; ASCII FBX with a "; FBX 7.x" comment line.
  return startsWithText(bytes, FBX_BINARY_MAGIC) || /^\s*; FBX \d/.test(new TextDecoder().decode(bytes.subarray(0, 64)));
}

export interface UnpackedFbx {
  /** The .fbx, or null when the archive held none. */
  fbx: Uint8Array | null;
  /** The archive itself, when it should be stored as a zip too (it held other files, or no fbx). */
  zip: Uint8Array | null;
}

export function unpackFbx(bytes: Uint8Array): UnpackedFbx {
  if (isFbx(bytes)) return { fbx: bytes, zip: null };
  if (!isZip(bytes)) throw new ProviderError('download_unreadable', 'SayMotion sent an FBX download that is neither an FBX file nor a zip archive.');
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new ProviderError('download_too_large', 'The FBX archive from SayMotion unpacks to more than 1 GB; it was not stored.');
        return true;
      },
    });
  } catch (err) {
    if (err instanceof ProviderError) throw err;
    throw new ProviderError('download_unreadable', `The FBX archive from SayMotion could not be unpacked (${(err as Error).message}).`);
  }
  const files = Object.entries(entries).filter(([name]) => !name.endsWith('/') && !name.startsWith('__MACOSX/'));
  const fbxs = files.filter(([name]) => name.toLowerCase().endsWith('.fbx')).sort((a, b) => b[1].byteLength - a[1].byteLength);
  const fbx = fbxs[0]?.[1] ?? null;
  return { fbx, zip: fbx === null || files.length > 1 ? bytes : null };
}
