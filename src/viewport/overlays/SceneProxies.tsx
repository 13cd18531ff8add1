/**
 * Simple proxy geometry for the scene a variant's actions imply (stairs, boxes, a ladder, a wall, a beam, a
 * mat), from the job report's `scenes`: enough to see that the feet land on the steps and the hands on the
 * rungs, without pretending to be set dressing.
 */
import { useEffect, useMemo } from 'react';
import { Box3, BoxGeometry, Group, Mesh, MeshStandardMaterial } from 'three';
import { viewportProbe } from '../../player/index.ts';
import type { ShownProxy } from '../../player/index.ts';
import type { VariantScene } from '../../../server/contract/api.ts';

type Item = VariantScene['scene'][number];

const material = (color: string, opacity = 1) => new MeshStandardMaterial({ color, roughness: 0.85, transparent: opacity < 1, opacity });

/** Boxes (in the item's own frame: x width, y up from its base, z depth) that make up one proxy. */
export function proxyParts(item: Item): Array<{ size: [number, number, number]; at: [number, number, number] }> {
  const [w, h, d] = item.size;
  switch (item.kind) {
    case 'stairs': {
      const n = Math.max(1, item.steps ?? 1);
      // One block per step, each from the floor to its tread, ending at the far side of the flight.
      return Array.from({ length: n }, (_, k) => {
        const top = (h * (k + 1)) / n;
        return { size: [w, top, d / n] as [number, number, number], at: [0, top / 2, -d / 2 + (d * k) / n + d / n / 2] as [number, number, number] };
      });
    }
    case 'ladder': {
      const rails: Array<{ size: [number, number, number]; at: [number, number, number] }> = [
        { size: [0.04, h, 0.04], at: [-w / 2, h / 2, 0] },
        { size: [0.04, h, 0.04], at: [w / 2, h / 2, 0] },
      ];
      const rungs = Math.max(2, item.steps ?? Math.round(h / 0.3));
      for (let k = 1; k <= rungs; k++) rails.push({ size: [w, 0.03, 0.03], at: [0, (k * h) / (rungs + 1), 0] });
      return rails;
    }
    default:
      return [{ size: [w, h, d], at: [0, h / 2, 0] }];
  }
}

const COLORS: Record<string, string> = {
  stairs: '#8d99ae',
  box: '#b08968',
  ladder: '#9c6644',
  wall: '#6c757d',
  beam: '#a47148',
  mat: '#3a86ff',
  chair: '#b08968',
  table: '#b08968',
};

export function SceneProxies({ scene }: { scene: VariantScene }) {
  const group = useMemo(() => {
    const g = new Group();
    g.name = 'scene-proxies';
    for (const item of scene.scene) {
      const holder = new Group();
      holder.position.set(item.position[0], item.position[1], item.position[2]);
      holder.rotation.y = item.yaw;
      const mat = material(COLORS[item.kind] ?? '#8d99ae', item.kind === 'mat' ? 0.6 : 1);
      for (const p of proxyParts(item)) {
        const mesh = new Mesh(new BoxGeometry(Math.max(0.005, p.size[0]), Math.max(0.005, p.size[1]), Math.max(0.005, p.size[2])), mat);
        mesh.position.set(p.at[0], p.at[1], p.at[2]);
        mesh.receiveShadow = true;
        mesh.castShadow = true;
        holder.add(mesh);
      }
      holder.userData.kind = item.kind;
      g.add(holder);
    }
    return g;
  }, [scene]);
  // Tests read what is drawn (kinds and world bounds) through the viewport probe.
  useEffect(() => {
    const probe = (): ShownProxy[] =>
      group.children.map((h) => {
        const b = new Box3().setFromObject(h);
        return { kind: String(h.userData.kind), parts: h.children.length, min: [b.min.x, b.min.y, b.min.z], max: [b.max.x, b.max.y, b.max.z] };
      });
    viewportProbe.sceneProxies = probe;
    return () => {
      if (viewportProbe.sceneProxies === probe) viewportProbe.sceneProxies = null;
    };
  }, [group]);
  useEffect(
    () => () => {
      group.traverse((o) => {
        if (o instanceof Mesh) {
          o.geometry.dispose();
          (o.material as MeshStandardMaterial).dispose();
        }
      });
    },
    [group],
  );
  return <primitive object={group} />;
}
