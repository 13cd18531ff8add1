/**
 * Independent checks of exported files with tools nobody on this project wrote: the Khronos glTF
 * validator, three's GLTFLoader and three's BVHLoader.
 */
import validator from 'gltf-validator';
import { GLTFLoader, type GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { BVHLoader, type BVH } from 'three/examples/jsm/loaders/BVHLoader.js';
import { FBXLoader } from 'three/examples/jsm/loaders/FBXLoader.js';
import { Texture, TextureLoader, type Group } from 'three';

export interface GltfReport {
  numErrors: number;
  numWarnings: number;
  messages: Array<{ code: string; message: string; severity: number; pointer?: string }>;
}

export async function validateGlb(bytes: Uint8Array): Promise<GltfReport> {
  const report = await validator.validateBytes(new Uint8Array(bytes), { maxIssues: 50 });
  return { numErrors: report.issues.numErrors, numWarnings: report.issues.numWarnings, messages: report.issues.messages };
}

export function loadGlb(bytes: Uint8Array): Promise<GLTF> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return new Promise((resolve, reject) => new GLTFLoader().parse(buffer, '', resolve, reject));
}

/**
 * Reads an FBX with three's FBXLoader. Embedded textures are decoded through the DOM, which Node lacks, so they
 * load as empty textures here (the Blender suite checks the real images).
 */
export function parseFbx(bytes: Uint8Array): Group {
  const load = TextureLoader.prototype.load;
  TextureLoader.prototype.load = () => new Texture();
  try {
    return new FBXLoader().parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, '');
  } finally {
    TextureLoader.prototype.load = load;
  }
}

export function parseBvh(text: string): BVH {
  return new BVHLoader().parse(text);
}

/** Largest change of any quaternion track's values across the clip: > 0 means joints really move. */
export function maxTrackMotion(values: ArrayLike<number>, itemSize: number): number {
  let max = 0;
  const frames = values.length / itemSize;
  for (let f = 1; f < frames; f++) {
    for (let k = 0; k < itemSize; k++) max = Math.max(max, Math.abs(values[f * itemSize + k]! - values[k]!));
  }
  return max;
}
