/**
 * Turns a local-engine variant's motion into a download: resample → in place → export as GLB / FBX / BVH,
 * with or without the skinned mesh. A variant animating an uploaded character passes that character's GLB, so
 * "with skin" keeps the user's character instead of falling back to the mannequin.
 */
import { exportBvh, exportGlb } from '../engine/index.ts';
import type { Motion } from '../engine/index.ts';
import { exportFbx } from '../engine/io/fbx.ts';
import { retargetToGlb } from '../providers/local/retargetGlb.ts';
import type { ConvertibleFormat } from '../contract/downloads.ts';
import { exportArmatureFbx } from './armatureFbx.ts';
import { exportArmatureGlb } from './armatureGlb.ts';
import { removeRootMotion, resampleMotion } from './motionOps.ts';

export interface ConvertOptions {
  format: ConvertibleFormat;
  /** Target frame rate; undefined keeps the motion's own. */
  fps?: number | undefined;
  inPlace: boolean;
  skin: boolean;
  clipName: string;
  /** The uploaded character this variant animates (its own GLB), or null for the mannequin. */
  character: Uint8Array | null;
}

/** A conversion that cannot be made for this variant: the route turns it into a 422 naming the field. */
export class ConversionRefused extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ConversionRefused';
  }
}

export function prepareMotion(motion: Motion, opts: Pick<ConvertOptions, 'fps' | 'inPlace'>): Motion {
  let m = motion;
  if (opts.fps !== undefined) m = resampleMotion(m, opts.fps);
  if (opts.inPlace) m = removeRootMotion(m);
  return m;
}

export async function convertMotion(motion: Motion, opts: ConvertOptions): Promise<Uint8Array> {
  const m = prepareMotion(motion, opts);
  switch (opts.format) {
    case 'bvh':
      // BVH is a skeleton format: the skin option does not apply.
      return new TextEncoder().encode(exportBvh(m));
    case 'glb':
      if (!opts.skin) return exportArmatureGlb(m, opts.clipName);
      if (opts.character) return retargetToGlb(opts.character, m, opts.clipName);
      return exportGlb(m, { animationName: opts.clipName });
    case 'fbx':
      if (!opts.skin) return exportArmatureFbx(m, opts.clipName);
      if (opts.character) {
        throw new ConversionRefused(
          'FBX with the skin of an uploaded character is not available (its materials and textures would not survive the conversion). Download the GLB with skin, or the FBX without skin (skin=0) and apply it to the character in your DCC tool.',
          'skin',
        );
      }
      return exportFbx(m, { animationName: opts.clipName });
  }
}
