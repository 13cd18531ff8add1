/**
 * Finds the humanoid bones of a skeleton from its bone names, for the viewport: the rig kernel's mapper
 * (server/engine/rig/humanoidMap.ts), the same one the server retargets with, so preview and export agree
 * on which bone plays which part. Pure (no three.js): it works on a plain list of {name, parent}.
 */
import { canDriveBody, mapHumanoidBones } from '../../../server/engine/rig/humanoidMap.ts';
import type { HumanBone } from '../../../server/engine/rig/humanBones.ts';

export type HumanRole = HumanBone;

export interface BoneInfo {
  name: string;
  /** Index of the parent bone in the same list, -1 for a root. */
  parent: number;
}

/** Role → index into `bones`. Roles without a convincing bone are absent. */
export function mapHumanoid(bones: readonly BoneInfo[]): Partial<Record<HumanRole, number>> {
  const tree = { names: bones.map((b) => b.name), parents: bones.map((b) => b.parent) };
  return Object.fromEntries(
    mapHumanoidBones(
      tree,
      bones.map((_, i) => i),
    ).bones,
  );
}

/** True when the skeleton has enough of a humanoid (hips, both legs and arms) to retarget a body motion onto. */
export function isHumanoid(map: Partial<Record<HumanRole, number>>): boolean {
  return canDriveBody((b) => map[b] !== undefined);
}
