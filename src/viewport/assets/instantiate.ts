/**
 * A placed, independently animatable copy of a loaded asset. The parsed scene stays in the cache untouched;
 * each view (main viewport, every grid cell) gets its own clone with its own skeleton and materials, so a
 * wireframe toggle or a pose in one never leaks into another.
 */
import { Group } from 'three';
import type { Material, Mesh, Object3D } from 'three';
import { clone as cloneSkinned } from 'three/examples/jsm/utils/SkeletonUtils.js';
import type { HumanRole } from '../rig/humanoidRoles.ts';
import type { LoadedAsset } from './parseAsset.ts';

export interface AssetInstance {
  /** Add this to the scene: it carries the placement (scale, floor, centring). */
  root: Group;
  /** The cloned model; the AnimationMixer's root (tracks bind by node name inside it). */
  model: Object3D;
  bones: Object3D[];
  meshes: Mesh[];
  materials: Material[];
  /** Humanoid bones found by name (hips, feet…), when the asset is humanoid. */
  roles: Partial<Record<HumanRole, Object3D>>;
  /** The bone that carries root motion: the humanoid hips, else the top-most bone with a position track. */
  rootBone: Object3D | null;
  dispose(): void;
}

export function instantiate(asset: LoadedAsset): AssetInstance {
  const model = cloneSkinned(asset.scene);
  const root = new Group();
  root.name = `placed:${asset.name}`;
  root.scale.setScalar(asset.placement.scale);
  root.position.fromArray(asset.placement.offset);
  root.add(model);

  const bones: Object3D[] = [];
  const meshes: Mesh[] = [];
  const materials: Material[] = [];
  model.traverse((o) => {
    const f = o as { isBone?: boolean; isMesh?: boolean; isSkinnedMesh?: boolean };
    if (f.isBone) bones.push(o);
    if (f.isMesh) {
      const mesh = o as Mesh;
      // Own materials: wireframe and similar toggles must not change the cached original or other views.
      mesh.material = Array.isArray(mesh.material) ? mesh.material.map((m) => m.clone()) : mesh.material.clone();
      materials.push(...(Array.isArray(mesh.material) ? mesh.material : [mesh.material]));
      mesh.castShadow = true;
      // Bind-pose bounds do not follow the skeleton; a character that walks away would be culled.
      if (f.isSkinnedMesh) mesh.frustumCulled = false;
      meshes.push(mesh);
    }
  });

  const roles: Partial<Record<HumanRole, Object3D>> = {};
  if (asset.humanoid) {
    for (const [role, name] of Object.entries(asset.humanoid)) {
      const b = bones.find((x) => x.name === name);
      if (b) roles[role as HumanRole] = b;
    }
  }
  const rootBone = roles.hips ?? topMovingBone(asset, bones);

  return {
    root,
    model,
    bones,
    meshes,
    materials,
    roles,
    rootBone,
    dispose() {
      for (const m of materials) m.dispose();
    },
  };
}

function topMovingBone(asset: LoadedAsset, bones: Object3D[]): Object3D | null {
  const moving = new Set<string>();
  for (const clip of asset.clips) for (const t of clip.tracks) if (t.name.endsWith('.position')) moving.add(t.name.slice(0, -'.position'.length));
  const depth = (o: Object3D) => {
    let d = 0;
    for (let p = o.parent; p; p = p.parent) d++;
    return d;
  };
  let best: Object3D | null = null;
  for (const b of bones) if (moving.has(b.name) && (!best || depth(b) < depth(best))) best = b;
  return best ?? bones[0] ?? null;
}
