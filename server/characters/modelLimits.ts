/**
 * Hard limits for uploaded model files, checked before any loader sees them: a hostile file must fail
 * with a clear reason, not make the server inflate gigabytes or parse millions of nesting levels.
 * A hand-written walk on purpose: the loaders (three's FBXLoader, glTF-Transform) are what a bomb
 * attacks, so the check has to run before them and stop early, with bounded memory.
 *
 * - GLB: JSON chunk size and nesting depth (scanned before JSON.parse), element counts, and every
 *   accessor must fit inside its buffer view, every view inside its buffer, the buffer inside the file
 *   (so `count: 2^31` is refused without allocating anything); vertex and bone totals.
 * - Binary FBX: the node tree is walked with an explicit stack (depth and record counts bounded);
 *   every zlib array is inflated with an output cap equal to its declared size, and the declared sizes
 *   are capped in total; vertex and bone totals.
 * - ASCII FBX: brace depth and declared array sizes.
 */
import zlib from 'node:zlib';
import { readGlbJson, sniffModel, type SniffResult } from './sniffModel.ts';

export const MODEL_LIMITS = {
  /** Nesting depth of a GLB's JSON or an FBX's node tree. Real files stay under 20. */
  maxDepth: 64,
  maxGlbJsonBytes: 16 * 1024 * 1024,
  /** glTF nodes/accessors/meshes/materials/… per array. */
  maxElements: 100_000,
  maxFbxRecords: 2_000_000,
  /** One FBX array, inflated. */
  maxArrayBytes: 64 * 1024 * 1024,
  /** All FBX arrays of a file together, inflated. */
  maxInflatedBytes: 256 * 1024 * 1024,
  maxVertices: 4_000_000,
  maxBones: 1024,
  /** Numbers declared by ASCII FBX arrays (`*N`). */
  maxAsciiArrayValues: 32_000_000,
} as const;

class ModelLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelLimitError';
  }
}

function fail(reason: string): never {
  throw new ModelLimitError(reason);
}

/** sniffModel plus every limit above; the result is what the upload stores and the job loads. */
export function inspectModel(bytes: Uint8Array): SniffResult {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  try {
    if (head.startsWith('glTF')) checkGlb(bytes);
    else if (head.startsWith('Kaydara FBX Binary')) checkBinaryFbx(bytes);
    else if (/^(\uFEFF|\u00EF\u00BB\u00BF)?\s*; FBX/.test(head)) checkAsciiFbx(bytes);
  } catch (err) {
    if (err instanceof ModelLimitError) return { ok: false, reason: err.message };
    if (err instanceof RangeError) return { ok: false, reason: 'the file is malformed (a length points past its end)' };
    throw err;
  }
  return sniffModel(bytes);
}

// ---------------------------------------------------------------- GLB

/** Maximum bracket depth of JSON text, strings skipped; stops as soon as `limit` is passed. */
export function jsonDepthExceeds(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const ch = bytes[i]!;
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

const COMPONENTS: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };
const COMPONENT_BYTES: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };

interface GlbJson {
  accessors?: Array<{ bufferView?: number; byteOffset?: number; count?: number; type?: string; componentType?: number; sparse?: { count?: number } }>;
  bufferViews?: Array<{ buffer?: number; byteOffset?: number; byteLength?: number; byteStride?: number }>;
  buffers?: Array<{ byteLength?: number; uri?: string }>;
  meshes?: Array<{ primitives?: Array<{ attributes?: Record<string, number> }> }>;
  skins?: Array<{ joints?: number[] }>;
  [key: string]: unknown;
}

const nonNegativeInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function checkGlb(bytes: Uint8Array): void {
  if (bytes.byteLength < 20) return; // sniffModel explains it
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(12, true);
  if (jsonLength > MODEL_LIMITS.maxGlbJsonBytes)
    fail(`the GLB's JSON part is ${(jsonLength / 1048576).toFixed(1)} MiB; at most ${MODEL_LIMITS.maxGlbJsonBytes / 1048576} MiB is accepted`);
  if (20 + jsonLength > bytes.byteLength) return;
  if (jsonDepthExceeds(bytes.subarray(20, 20 + jsonLength), MODEL_LIMITS.maxDepth)) fail(`the GLB's JSON is nested deeper than ${MODEL_LIMITS.maxDepth} levels`);
  const parsed = readGlbJson(bytes);
  if (!parsed.ok) return;
  const json = parsed.json as unknown as GlbJson;
  for (const [key, value] of Object.entries(json)) {
    if (Array.isArray(value) && value.length > MODEL_LIMITS.maxElements) fail(`the GLB has ${value.length} ${key}; at most ${MODEL_LIMITS.maxElements} are accepted`);
  }
  // The binary chunk follows the JSON chunk (padded to 4 bytes).
  const binStart = 20 + jsonLength;
  const binLength = binStart + 8 <= bytes.byteLength ? view.getUint32(binStart, true) : 0;
  const buffers = (json.buffers ?? []).map((b, i) => {
    if (!nonNegativeInt(b.byteLength)) fail(`buffers[${i}].byteLength is not a size`);
    if (b.uri === undefined && b.byteLength > binLength) fail(`buffers[${i}] claims ${b.byteLength} bytes but the file holds ${binLength}`);
    if (b.uri !== undefined && !b.uri.startsWith('data:')) fail(`buffers[${i}] refers to an external file; upload a self-contained GLB`);
    return b.byteLength;
  });
  const views = (json.bufferViews ?? []).map((v, i) => {
    const size = buffers[v.buffer ?? -1];
    if (size === undefined) fail(`bufferViews[${i}] points at a missing buffer`);
    const offset = v.byteOffset ?? 0;
    if (!nonNegativeInt(offset) || !nonNegativeInt(v.byteLength) || offset + v.byteLength > size!) fail(`bufferViews[${i}] lies outside its buffer`);
    return { length: v.byteLength!, stride: v.byteStride ?? 0 };
  });
  for (const [i, a] of (json.accessors ?? []).entries()) {
    if (!nonNegativeInt(a.count)) fail(`accessors[${i}].count is not a count`);
    const comps = COMPONENTS[a.type ?? ''] ?? fail(`accessors[${i}].type is unknown`);
    const compBytes = COMPONENT_BYTES[a.componentType ?? -1] ?? fail(`accessors[${i}].componentType is unknown`);
    const element = comps * compBytes;
    if (a.sparse && (!nonNegativeInt(a.sparse.count) || a.sparse.count > a.count)) fail(`accessors[${i}].sparse.count is larger than its accessor`);
    if (a.bufferView === undefined) {
      // Zero-filled accessors (sparse only) still allocate count × element bytes when loaded.
      if (a.count * element > MODEL_LIMITS.maxArrayBytes) fail(`accessors[${i}] would allocate ${a.count * element} bytes`);
      continue;
    }
    const v = views[a.bufferView] ?? fail(`accessors[${i}] points at a missing buffer view`);
    const stride = Math.max(v.stride, element);
    const needed = (a.byteOffset ?? 0) + (a.count === 0 ? 0 : stride * (a.count - 1) + element);
    if (needed > v.length) fail(`accessors[${i}] declares ${a.count} elements but its data holds fewer (it would read past its buffer view)`);
  }
  const positions = new Set<number>();
  for (const m of json.meshes ?? []) for (const p of m.primitives ?? []) if (typeof p.attributes?.POSITION === 'number') positions.add(p.attributes.POSITION);
  const vertices = [...positions].reduce((n, i) => n + (json.accessors?.[i]?.count ?? 0), 0);
  if (vertices > MODEL_LIMITS.maxVertices) fail(`the model has ${vertices} vertices; at most ${MODEL_LIMITS.maxVertices} are accepted`);
  for (const [i, s] of (json.skins ?? []).entries()) {
    if ((s.joints?.length ?? 0) > MODEL_LIMITS.maxBones) fail(`skins[${i}] has ${s.joints!.length} bones; at most ${MODEL_LIMITS.maxBones} are accepted`);
  }
}

// ---------------------------------------------------------------- binary FBX

const ARRAY_ELEMENT: Record<string, number> = { f: 4, d: 8, l: 8, i: 4, b: 1 };
const SCALAR_BYTES: Record<string, number> = { Y: 2, C: 1, I: 4, F: 4, D: 8, L: 8 };
const latin1 = new TextDecoder('latin1');

function checkBinaryFbx(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(23, true);
  const wide = version >= 7500;
  const readOffset = (at: number) => (wide ? Number(view.getBigUint64(at, true)) : view.getUint32(at, true));
  const headerBytes = wide ? 25 : 13;
  let inflatedTotal = 0;
  let vertices = 0;
  let bones = 0;
  let records = 0;
  /** End offsets of the open records: the stack replaces recursion. */
  const open: number[] = [bytes.byteLength];
  let at = 27;
  while (open.length > 0) {
    const end = open[open.length - 1]!;
    if (at + headerBytes > end) {
      // The enclosing record's nested list is done (its terminator, if any, is skipped).
      at = end;
      open.pop();
      continue;
    }
    const recordEnd = readOffset(at);
    const numProps = readOffset(at + (wide ? 8 : 4));
    const nameLen = bytes[at + (wide ? 24 : 12)]!;
    if (recordEnd === 0) {
      // Null record: the end of a nested list.
      if (open.length > 1) {
        at = end;
        open.pop();
      } else break;
      continue;
    }
    if (recordEnd <= at || recordEnd > end) fail('the FBX is malformed (a node ends outside its parent)');
    if (++records > MODEL_LIMITS.maxFbxRecords) fail(`the FBX has more than ${MODEL_LIMITS.maxFbxRecords} nodes`);
    const name = latin1.decode(bytes.subarray(at + headerBytes, at + headerBytes + nameLen));
    let p = at + headerBytes + nameLen;
    const strings: string[] = [];
    for (let k = 0; k < numProps; k++) {
      if (p >= recordEnd) fail('the FBX is malformed (a property runs past its node)');
      const type = String.fromCharCode(bytes[p]!);
      p += 1;
      const scalar = SCALAR_BYTES[type];
      if (scalar !== undefined) {
        p += scalar;
      } else if (type === 'S' || type === 'R') {
        const len = view.getUint32(p, true);
        if (type === 'S' && strings.length < 3 && len < 256) strings.push(latin1.decode(bytes.subarray(p + 4, p + 4 + len)));
        p += 4 + len;
      } else if (ARRAY_ELEMENT[type] !== undefined) {
        const count = view.getUint32(p, true);
        const encoding = view.getUint32(p + 4, true);
        const stored = view.getUint32(p + 8, true);
        const declared = count * ARRAY_ELEMENT[type]!;
        if (declared > MODEL_LIMITS.maxArrayBytes)
          fail(`an FBX array declares ${(declared / 1048576).toFixed(0)} MiB; at most ${MODEL_LIMITS.maxArrayBytes / 1048576} MiB per array is accepted`);
        inflatedTotal += declared;
        if (inflatedTotal > MODEL_LIMITS.maxInflatedBytes) fail(`the FBX's arrays add up to more than ${MODEL_LIMITS.maxInflatedBytes / 1048576} MiB`);
        const data = bytes.subarray(p + 12, p + 12 + stored);
        if (data.byteLength !== stored) fail('the FBX is malformed (an array runs past the end of the file)');
        if (encoding === 1) {
          let out: Buffer;
          try {
            // The cap is the size the array declares: a zlib bomb stops here, at that size.
            out = zlib.inflateSync(data, { maxOutputLength: Math.max(1, declared) });
          } catch (err) {
            if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') fail(`an FBX array inflates to more than the ${declared} bytes it declares (a compression bomb)`);
            fail('an FBX array is not valid zlib data');
          }
          if (out!.byteLength !== declared) fail('an FBX array inflates to a different size than it declares');
        } else if (encoding === 0) {
          if (stored !== declared) fail('an FBX array holds a different size than it declares');
        } else fail(`an FBX array has an unknown encoding ${encoding}`);
        if (name === 'Vertices') vertices += Math.floor(count / 3);
        p += 12 + stored;
      } else fail(`the FBX has an unknown property type "${type.replace(/[^\x20-\x7e]/g, '?')}"`);
    }
    if (name === 'Model' && strings[1] === 'LimbNode' && ++bones > MODEL_LIMITS.maxBones) fail(`the FBX has more than ${MODEL_LIMITS.maxBones} bones`);
    if (vertices > MODEL_LIMITS.maxVertices) fail(`the FBX has more than ${MODEL_LIMITS.maxVertices} vertices`);
    if (p < recordEnd) {
      // Nested records follow the properties.
      if (open.length >= MODEL_LIMITS.maxDepth) fail(`the FBX's nodes are nested deeper than ${MODEL_LIMITS.maxDepth} levels`);
      open.push(recordEnd);
      at = p;
    } else at = recordEnd;
  }
}

// ---------------------------------------------------------------- ASCII FBX

function checkAsciiFbx(bytes: Uint8Array): void {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const ch = bytes[i]!;
    if (inString) {
      if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x3b) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++; // ; comment to end of line
    } else if (ch === 0x7b) {
      if (++depth > MODEL_LIMITS.maxDepth) fail(`the FBX's nodes are nested deeper than ${MODEL_LIMITS.maxDepth} levels`);
    } else if (ch === 0x7d) depth--;
    else if (ch === 0x2a) {
      // `*N {` declares an array of N values.
      let n = 0;
      let j = i + 1;
      while (j < bytes.length && j < i + 16 && bytes[j]! >= 0x30 && bytes[j]! <= 0x39) n = n * 10 + (bytes[j++]! - 0x30);
      values += n;
      if (values > MODEL_LIMITS.maxAsciiArrayValues) fail(`the FBX's arrays declare more than ${MODEL_LIMITS.maxAsciiArrayValues} values`);
    }
  }
}
