/**
 * "Without skin" GLB download: the engine's armature-only document (no mesh) as bytes. The joint hierarchy and
 * channels are the engine's own (engine/io/glb.ts), so this file and the mannequin GLB animate alike.
 */
import { WebIO } from '@gltf-transform/core';
import { armatureDocument } from '../engine/io/glb.ts';
import type { Motion } from '../engine/index.ts';

export async function exportArmatureGlb(motion: Motion, clipName = 'Motion'): Promise<Uint8Array> {
  return new WebIO().writeBinary(armatureDocument(motion, { animationName: clipName, generator: 'Kinema downloads (armature only)' }));
}
