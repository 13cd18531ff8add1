/**
 * Compact, lossless binary form of a Motion, used by the server's cache so edit jobs can reload a
 * parent variant. Layout (little-endian):
 *   magic "KMOT" | u16 version | u16 joint count | f64 fps | u32 frames | u8 id length | id bytes (ASCII)
 *   | f32 rootPos[frames·3] | f32 rot[frames·joints·4] | u8 contacts[frames·2] | u32 FNV-1a of everything before it
 * The checksum turns truncation or corruption into a clear error instead of a silently wrong motion.
 * Data written for the first canonical rig (`kinema-humanoid-v1`, 22 joints, no fingers) still
 * decodes: its body joints are the first 22 of today's rig, so they are copied over and the hands
 * get the relaxed default shape.
 */
import type { Motion } from '../core/motion.ts';
import { fillRelaxedHands } from '../core/hands.ts';
import { BODY_JOINT_COUNT, CANONICAL, SKELETON_V1_ID } from '../core/skeleton.ts';
import type { Skeleton } from '../core/skeleton.ts';

const MAGIC = [0x4b, 0x4d, 0x4f, 0x54]; // "KMOT"
const VERSION = 1;
const KNOWN: Record<string, Skeleton> = { [CANONICAL.id]: CANONICAL };

function fnv1a(bytes: Uint8Array, end: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function encodeMotion(m: Motion): Uint8Array {
  const jc = m.skeleton.parents.length;
  const id = m.skeleton.id;
  const header = 4 + 2 + 2 + 8 + 4 + 1 + id.length;
  const size = header + m.frames * 3 * 4 + m.frames * jc * 16 + m.frames * 2 + 4;
  const bytes = new Uint8Array(size);
  const dv = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  dv.setUint16(4, VERSION, true);
  dv.setUint16(6, jc, true);
  dv.setFloat64(8, m.fps, true);
  dv.setUint32(16, m.frames, true);
  dv.setUint8(20, id.length);
  for (let i = 0; i < id.length; i++) bytes[21 + i] = id.charCodeAt(i) & 0x7f;
  let o = header;
  for (let i = 0; i < m.rootPos.length; i++, o += 4) dv.setFloat32(o, m.rootPos[i]!, true);
  for (let i = 0; i < m.rot.length; i++, o += 4) dv.setFloat32(o, m.rot[i]!, true);
  bytes.set(m.contacts, o);
  o += m.contacts.length;
  dv.setUint32(o, fnv1a(bytes, o), true);
  return bytes;
}

export function decodeMotion(bytes: Uint8Array): Motion {
  if (!(bytes instanceof Uint8Array)) throw new Error('decodeMotion: expected a Uint8Array');
  if (bytes.length < 25 || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('decodeMotion: not Kinema motion data (bad magic bytes)');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint16(4, true);
  if (version !== VERSION) throw new Error(`decodeMotion: unsupported motion format version ${version} (this engine reads version ${VERSION})`);
  const jc = dv.getUint16(6, true);
  const fps = dv.getFloat64(8, true);
  const frames = dv.getUint32(16, true);
  const idLen = dv.getUint8(20);
  let id = '';
  for (let i = 0; i < idLen; i++) id += String.fromCharCode(bytes[21 + i] ?? 0);
  const legacy = id === SKELETON_V1_ID;
  const skeleton = legacy ? CANONICAL : KNOWN[id];
  if (!skeleton) throw new Error(`decodeMotion: unknown skeleton "${id}"`);
  if (legacy && jc !== BODY_JOINT_COUNT) throw new Error(`decodeMotion: skeleton "${id}" has ${BODY_JOINT_COUNT} joints but the data has ${jc}`);
  if (!legacy && skeleton.parents.length !== jc) throw new Error(`decodeMotion: skeleton "${id}" has ${skeleton.parents.length} joints but the data has ${jc}`);
  if (!(fps > 0) || !Number.isFinite(fps) || frames < 1) throw new Error('decodeMotion: corrupt header (fps or frame count)');
  const header = 21 + idLen;
  const size = header + frames * 3 * 4 + frames * jc * 16 + frames * 2 + 4;
  if (bytes.length !== size) throw new Error(`decodeMotion: expected ${size} bytes for ${frames} frames but got ${bytes.length} (truncated or corrupt)`);
  if (dv.getUint32(size - 4, true) !== fnv1a(bytes, size - 4)) throw new Error('decodeMotion: checksum mismatch (corrupt data)');
  const rootPos = new Float32Array(frames * 3);
  const rot = new Float32Array(frames * jc * 4);
  let o = header;
  for (let i = 0; i < rootPos.length; i++, o += 4) rootPos[i] = dv.getFloat32(o, true);
  for (let i = 0; i < rot.length; i++, o += 4) rot[i] = dv.getFloat32(o, true);
  if (legacy) {
    const contacts = bytes.slice(o, o + frames * 2);
    return { fps, frames, skeleton, rootPos, rot: upgradeV1Rotations(rot, frames), contacts };
  }
  const contacts = bytes.slice(o, o + frames * 2);
  return { fps, frames, skeleton, rootPos, rot, contacts };
}

/** 22-joint rotations of the first rig → today's layout: body joints copied, relaxed hands added. */
function upgradeV1Rotations(old: Float32Array, frames: number): Float32Array {
  const jc = CANONICAL.parents.length;
  const rot = new Float32Array(frames * jc * 4);
  for (let f = 0; f < frames; f++) rot.set(old.subarray(f * BODY_JOINT_COUNT * 4, (f + 1) * BODY_JOINT_COUNT * 4), f * jc * 4);
  fillRelaxedHands(rot, 0, frames);
  return rot;
}
