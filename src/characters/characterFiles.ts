/**
 * Checks on a character file before it is uploaded: the server sniffs the bytes and has the last word, but
 * a wrong extension or an oversized file is better refused at once, with a reason, than after a long upload.
 */

/** Formats POST /api/characters accepts. */
const CHARACTER_EXTENSIONS = ['glb', 'vrm', 'fbx'] as const;

/** The server's upload limit (server/routes/characterUploads.ts). */
export const MAX_CHARACTER_BYTES = 50 * 1024 * 1024;
const MAX_CHARACTER_NAME = 80;

function extensionOf(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

/** The Content-Type the server expects for the raw body: glTF binary for GLB and VRM, octet-stream for FBX. */
export function characterContentType(fileName: string): string {
  return extensionOf(fileName) === 'fbx' ? 'application/octet-stream' : 'model/gltf-binary';
}

/** A label from the file name: no extension, no path characters, within the server's length limit. */
export function characterNameFrom(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const clean = base
    .replace(/[\u0000-\u001f\u007f/\\]/g, ' ')
    .replace(/[_\s]+/g, ' ')
    .trim();
  return (clean && !/^\.+$/.test(clean) ? clean : 'Character').slice(0, MAX_CHARACTER_NAME).trim();
}

/** Why this file cannot be uploaded, or null when it may be. */
export function characterFileProblem(file: { name: string; size: number }): string | null {
  const ext = extensionOf(file.name);
  if (!(CHARACTER_EXTENSIONS as readonly string[]).includes(ext)) {
    return `"${file.name}" is not a character file: upload a GLB, VRM or FBX model.`;
  }
  if (file.size === 0) return `"${file.name}" is empty.`;
  if (file.size > MAX_CHARACTER_BYTES) {
    return `"${file.name}" is larger than ${MAX_CHARACTER_BYTES / 1024 / 1024} MiB: reduce its polygon count or texture sizes.`;
  }
  return null;
}
