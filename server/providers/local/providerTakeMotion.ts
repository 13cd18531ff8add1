/**
 * A provider take's clip (SayMotion BVH/GLB/FBX, Meshy GLB/FBX) as a canonical engine motion, read from
 * the variant's cached files with the same conversion "Use as source" imports use (providers/clipMotion.ts).
 * BVH first: it is the provider's raw skeleton motion, the quickest to read and free of mesh data.
 */
import type { ImportFormat } from '../../contract/importClip.ts';
import type { Motion } from '../../engine/index.ts';
import { detect, toMotion } from '../clipMotion.ts';
import type { ParentVariant } from '../provider.ts';
import { ProviderError } from '../provider.ts';
import { providerLabel } from './constrainProviderTake.ts';

const PREFERRED: ImportFormat[] = ['bvh', 'glb', 'fbx'];

export async function providerTakeMotion(parent: ParentVariant): Promise<Motion> {
  const from = providerLabel(parent.request.provider);
  for (const format of PREFERRED) {
    const bytes = await parent.readFile(format);
    if (!bytes || detect(bytes) !== format) continue;
    try {
      return (await toMotion(bytes, format, 0)).motion;
    } catch (err) {
      throw new ProviderError(
        'parent_unsupported',
        `The ${from} take's ${format.toUpperCase()} could not be read as a humanoid motion (${(err as Error).message}), so constraints cannot be applied to it.`,
      );
    }
  }
  throw new ProviderError('parent_unsupported', `The ${from} take has no BVH, GLB or FBX motion to apply constraints to; download it again or pick another take.`);
}
