/**
 * FK rotation rings for the pose tool: drei's TransformControls in rotate mode on the selected bone. The rings
 * turn a stand-in object placed on the bone (the bone itself is re-posed by the clip every frame); the bone's
 * new local rotation (relative to its parent, which is what a key pose's `rotations` holds on the canonical rig,
 * whose rest rotations are identity) goes to the store and is shown on the bone until it is keyed or reset.
 */
import { TransformControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Object3D, Quaternion } from 'three';
import type { Bone } from 'three';
import { CANONICAL } from '../../../server/engine/core/skeleton.ts';
import { useConstraints } from '../../constraints/index.ts';
import { TEST_PROBES } from '../../lib/testProbes.ts';

declare global {
  interface Window {
    /** For end-to-end tests: where the FK ring's pivot (the selected bone) is, in world metres. */
    __kinemaFk?: { pivot(): [number, number, number] | null };
  }
}

/** The bone of the shown subject for a canonical bone name, by its exported (Mixamo-style) name, any prefix. */
function findCanonicalBone(scene: Object3D, name: string): Bone | null {
  const exported = CANONICAL.exportNames[CANONICAL.names.indexOf(name)];
  if (!exported) return null;
  let found: Bone | null = null;
  scene.traverse((o) => {
    if (!found && (o as Bone).isBone && o.name.replace(/^.*[:_]/, '') === exported) found = o as Bone;
  });
  return found;
}

interface ControlsLike {
  enabled: boolean;
}
/** The part of three's TransformControls used here (its event for the start and end of a drag). */
interface RingEvents {
  addEventListener(type: 'dragging-changed', f: (e: { value: unknown }) => void): void;
  removeEventListener(type: 'dragging-changed', f: (e: { value: unknown }) => void): void;
}
const parentQ = new Quaternion(),
  local = new Quaternion();

export function FkRing({ bone }: { bone: string }) {
  const scene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  const defaultControls = useThree((s) => s.controls) as unknown as ControlsLike | null;
  const proxy = useMemo(() => new Object3D(), []);
  const ring = useRef<RingEvents>(null);
  const dragging = useRef(false);
  const [target, setTarget] = useState<Bone | null>(null);

  // The subject may load after the tool opens: look again until the bone is there.
  useFrame(() => {
    if (!target || target.parent === null) {
      const b = findCanonicalBone(scene, bone);
      if (b !== target) setTarget(b);
    }
  });
  // Keep the ring on the bone, and show the ring's rotation on it (after the clip posed it this frame).
  useFrame(() => {
    if (!target) return;
    const q = useConstraints.getState().fkRotation;
    if (q) target.quaternion.set(q[0], q[1], q[2], q[3]);
    target.updateWorldMatrix(true, false);
    if (!dragging.current) {
      target.getWorldPosition(proxy.position);
      target.getWorldQuaternion(proxy.quaternion);
    }
  });

  // drei re-enables the orbit controls when a ring drag ends; the pose tool keeps them off.
  useEffect(() => {
    const c = ring.current;
    if (!c) return;
    const keepOff = (e: { value: unknown }) => {
      if (!e.value && defaultControls) defaultControls.enabled = false;
    };
    c.addEventListener('dragging-changed', keepOff);
    return () => c.removeEventListener('dragging-changed', keepOff);
  }, [defaultControls, target]);

  useEffect(() => {
    if (!TEST_PROBES) return;
    window.__kinemaFk = { pivot: () => (target ? [proxy.position.x, proxy.position.y, proxy.position.z] : null) };
    return () => {
      delete window.__kinemaFk;
    };
  }, [proxy, target]);

  if (!target) return null;
  const onObjectChange = () => {
    const parent = target.parent;
    if (parent) parent.getWorldQuaternion(parentQ);
    else parentQ.identity();
    local.copy(parentQ).invert().multiply(proxy.quaternion).normalize();
    useConstraints.getState().setFkRotation([local.x, local.y, local.z, local.w]);
    invalidate();
  };
  return (
    <>
      <primitive object={proxy} />
      <TransformControls
        ref={ring as never}
        object={proxy}
        mode="rotate"
        space="local"
        size={0.8}
        onMouseDown={() => {
          dragging.current = true;
        }}
        onMouseUp={() => {
          dragging.current = false;
        }}
        onObjectChange={onObjectChange}
      />
    </>
  );
}
