/**
 * Recognises an uploaded character file by its bytes, never by its name or Content-Type: GLB
 * (`glTF` header, version 2), VRM (a GLB declaring a VRM extension), binary FBX and ASCII FBX.
 * A GLB is also checked structurally (declared length, a JSON first chunk) so a truncated or
 * disguised file is refused at upload time instead of failing later inside a job.
 */

export type ModelFormat = 'glb' | 'vrm' | 'fbx';

export type SniffResult = { ok: true; format: ModelFormat; json: GltfJson | null } | { ok: false; reason: string };

/** The parts of a glTF JSON chunk we read; everything else is left alone. */
export interface GltfJson {
  asset?: { version?: string };
  extensionsUsed?: string[];
  extensions?: Record<string, unknown>;
  nodes?: Array<{ name?: string }>;
  skins?: unknown[];
}

const GLB_MAGIC = 0x46546c67; // "glTF" little-endian
const CHUNK_JSON = 0x4e4f534a; // "JSON"
const FBX_BINARY = 'Kaydara FBX Binary';
const VRM_EXTENSIONS = ['VRM', 'VRMC_vrm'];

const latin1 = new TextDecoder('latin1');

/** First bytes as printable text, for error messages that help the user see what they sent. */
function preview(bytes: Uint8Array): string {
  return latin1.decode(bytes.subarray(0, 12)).replace(/[^\x20-\x7e]/g, '.');
}

export function readGlbJson(bytes: Uint8Array): { ok: true; json: GltfJson } | { ok: false; reason: string } {
  if (bytes.byteLength < 20) return { ok: false, reason: 'the GLB is shorter than its 20-byte header' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== GLB_MAGIC) return { ok: false, reason: 'not a GLB (no glTF header)' };
  const version = view.getUint32(4, true);
  if (version !== 2) return { ok: false, reason: `glTF version ${version} is not supported; export glTF 2.0` };
  const declared = view.getUint32(8, true);
  if (declared !== bytes.byteLength) {
    return { ok: false, reason: `the GLB header says ${declared} bytes but the file has ${bytes.byteLength}: it is truncated or has extra data` };
  }
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== CHUNK_JSON || 20 + jsonLength > bytes.byteLength) {
    return { ok: false, reason: 'the GLB has no valid JSON chunk' };
  }
  try {
    const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength))) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, reason: 'the GLB JSON chunk is not an object' };
    return { ok: true, json: json as GltfJson };
  } catch {
    return { ok: false, reason: 'the GLB JSON chunk is not valid JSON' };
  }
}

export function sniffModel(bytes: Uint8Array): SniffResult {
  if (bytes.byteLength === 0) return { ok: false, reason: 'the file is empty' };
  const head = latin1.decode(bytes.subarray(0, 64));
  if (head.startsWith('glTF')) {
    const glb = readGlbJson(bytes);
    if (!glb.ok) return glb;
    const used = Array.isArray(glb.json.extensionsUsed) ? glb.json.extensionsUsed : [];
    const isVrm = VRM_EXTENSIONS.some((e) => used.includes(e) || (glb.json.extensions && e in glb.json.extensions));
    return { ok: true, format: isVrm ? 'vrm' : 'glb', json: glb.json };
  }
  if (head.startsWith(FBX_BINARY)) return { ok: true, format: 'fbx', json: null };
  // ASCII FBX starts with a "; FBX 7.x.x project file" comment, possibly after a BOM or blank lines.
  if (/^(\uFEFF|\u00EF\u00BB\u00BF)?\s*; FBX/.test(head)) return { ok: true, format: 'fbx', json: null };
  return { ok: false, reason: `the file is not a GLB, VRM or FBX model (it starts with "${preview(bytes)}")` };
}
