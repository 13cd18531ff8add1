/**
 * What kind of model file a dropped file is, decided from its first bytes (a renamed or mislabelled file is common:
 * "clip.fbx" that is really a glTF, a .bvh saved as .txt). Pure and three-free: it runs in the first chunk.
 */

export type ModelFormat = 'glb' | 'gltf' | 'fbx' | 'bvh';

const MODEL_EXTENSIONS: readonly ModelFormat[] = ['glb', 'gltf', 'fbx', 'bvh'];
/** Files a .gltf may reference; they are accepted alongside it in one drop. */
export const SIDECAR_EXTENSIONS = ['bin', 'png', 'jpg', 'jpeg', 'webp', 'ktx2'] as const;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function formatFromName(name: string): ModelFormat | null {
  const ext = extensionOf(name);
  return (MODEL_EXTENSIONS as readonly string[]).includes(ext) ? (ext as ModelFormat) : null;
}

export type SniffResult = { format: ModelFormat; ascii?: boolean } | { error: string };

const ascii = (bytes: Uint8Array, from: number, n: number) => String.fromCharCode(...bytes.subarray(from, from + n));

/** Classifies by content; `name` only breaks ties and shapes the error message. */
export function sniffFormat(head: Uint8Array, name: string): SniffResult {
  if (head.length === 0) return { error: `"${name}" is empty (0 bytes).` };
  if (ascii(head, 0, 4) === 'glTF') return { format: 'glb' };
  if (ascii(head, 0, 18) === 'Kaydara FBX Binary') return { format: 'fbx' };
  // Text formats: skip a UTF-8 byte-order mark and leading whitespace.
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  const text = ascii(head, i, Math.min(head.length - i, 512));
  if (/^HIERARCHY\b/.test(text)) return { format: 'bvh' };
  if (text.startsWith('{') && /"asset"|"scenes"|"nodes"|"buffers"/.test(text)) return { format: 'gltf' };
  if (text.startsWith('{')) return formatFromName(name) === 'gltf' ? { format: 'gltf' } : { error: `"${name}" is JSON, but not glTF.` };
  if (/^;\s*FBX/.test(text) || /FBXHeaderExtension/.test(text)) return { format: 'fbx', ascii: true };
  const printable = [...head.subarray(0, 16)].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·')).join('');
  return {
    error: `"${name}" is not a GLB, glTF, FBX or BVH file (it starts with "${printable}"). Export the animation as one of those formats.`,
  };
}
