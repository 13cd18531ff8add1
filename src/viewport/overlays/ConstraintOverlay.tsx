/**
 * The constraint tools inside the 3D view: click the floor to add path waypoints (drawn through the
 * same spline the engine follows), drag a waypoint to move it, and in pose mode drag the IK handle of
 * a hand or foot (in the plane facing the camera) to where it should be at the current frame.
 * OrbitControls are off in the Path and Pose tools (the View tool orbits): the controls see a
 * pointer-down before R3F's handlers could stop it. A small read-only hook on `window` lets the
 * end-to-end test find the handle and waypoints on screen.
 */
import { Line } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Plane, Vector3 } from 'three';
import type { Bone, Object3D } from 'three';
import { pathPolyline } from '../../../server/engine/constraints/spline.ts';
import { useConstraints } from '../../constraints/index.ts';
import type { Effector, HandleKind } from '../../constraints/index.ts';
import { TEST_PROBES } from '../../lib/testProbes.ts';
import { FkRing } from './FkRing.tsx';
import { MotionGhosts } from './MotionGhosts.tsx';
import { OrthoView } from './OrthoView.tsx';

/** Bone names in exported clips (Mixamo-style, possibly prefixed): suffix match finds them on any of our rigs. */
const BONE_SUFFIX: Record<Effector | 'hips' | 'head', string> = {
  leftHand: 'LeftHand',
  rightHand: 'RightHand',
  leftFoot: 'LeftFoot',
  rightFoot: 'RightFoot',
  hips: 'Hips',
  head: 'Head',
};
/** The look-at handle starts this far in front of the face. */
const LOOK_DIST = 1.2;
const FLOOR = new Plane(new Vector3(0, 1, 0), 0);
const hit = new Vector3(),
  tmp = new Vector3();
const noPick = () => null;

function findBone(scene: Object3D, e: Effector | 'hips' | 'head'): Bone | null {
  let found: Bone | null = null;
  scene.traverse((o) => {
    if (!found && (o as Bone).isBone && o.name.replace(/^.*[:_]/, '').endsWith(BONE_SUFFIX[e]) && !/Index|Thumb|Middle|Ring|Pinky/.test(o.name)) found = o as Bone;
  });
  return found;
}

interface ControlsLike {
  enabled: boolean;
}

declare global {
  interface Window {
    /** For end-to-end tests: screen (client) pixels of a world point, and the current bone positions. */
    __kinemaConstraints?: {
      project(p: [number, number, number]): [number, number];
      bone(e: Effector): [number, number, number] | null;
      handle(): [number, number, number] | null;
    };
  }
}

export function ConstraintOverlay() {
  const mode = useConstraints((s) => s.mode);
  const waypoints = useConstraints((s) => s.waypoints);
  const handle = useConstraints((s) => s.handle);
  const effector = useConstraints((s) => s.effector);
  const view = useConstraints((s) => s.view);
  const fkBone = useConstraints((s) => s.fkBone);
  const { camera, scene, gl, invalidate } = useThree();
  const controls = useThree((s) => s.controls) as unknown as ControlsLike | null;
  const drag = useRef<{ kind: 'waypoint'; index: number } | { kind: 'handle'; plane: Plane } | null>(null);

  const line = useMemo(() => {
    if (waypoints.length < 2) return null;
    const poly = pathPolyline(waypoints);
    const pts: [number, number, number][] = [];
    for (let i = 0; i < poly.xs.length; i += 2) pts.push([poly.xs[i]!, 0.012, poly.zs[i]!]);
    pts.push([poly.xs[poly.xs.length - 1]!, 0.012, poly.zs[poly.zs.length - 1]!]);
    return pts;
  }, [waypoints]);

  useEffect(() => {
    if (!TEST_PROBES) return;
    window.__kinemaConstraints = {
      project: (p) => {
        tmp.set(p[0], p[1], p[2]).project(camera);
        const r = gl.domElement.getBoundingClientRect();
        return [r.left + ((tmp.x + 1) / 2) * r.width, r.top + ((1 - tmp.y) / 2) * r.height];
      },
      bone: (e) => {
        const b = findBone(scene, e);
        if (!b) return null;
        b.getWorldPosition(tmp);
        return [tmp.x, tmp.y, tmp.z];
      },
      handle: () => useConstraints.getState().handle,
    };
    return () => {
      delete window.__kinemaConstraints;
    };
  }, [camera, gl, scene]);

  // Pose mode: the handle starts on the character's bone at the current frame.
  useFrame(() => {
    if (mode !== 'pose' || handle) return;
    const kind: HandleKind = effector;
    const b = findBone(scene, kind === 'lookAt' ? 'head' : kind);
    if (!b) return;
    b.getWorldPosition(tmp);
    if (kind === 'lookAt') {
      // In front of the face: the head bone's +Z is where the character looks on our rigs.
      b.getWorldDirection(hit);
      tmp.addScaledVector(hit, LOOK_DIST);
    }
    useConstraints.getState().setHandle([tmp.x, tmp.y, tmp.z]);
  });

  useEffect(() => invalidate(), [mode, waypoints, handle, invalidate]);
  useEffect(() => {
    if (!controls) return;
    controls.enabled = mode === 'off';
    return () => {
      controls.enabled = true;
    };
  }, [mode, controls]);

  const endDrag = (e: ThreeEvent<PointerEvent>) => {
    if (!drag.current) return;
    drag.current = null;
    (e.target as Element | null)?.releasePointerCapture?.(e.pointerId);
  };
  const onMove = (e: ThreeEvent<PointerEvent>) => {
    const d = drag.current;
    if (!d) return;
    e.stopPropagation();
    if (d.kind === 'waypoint') {
      if (e.ray.intersectPlane(FLOOR, hit)) useConstraints.getState().moveWaypoint(d.index, hit.x, hit.z);
    } else if (e.ray.intersectPlane(d.plane, hit)) {
      useConstraints.getState().setHandle([hit.x, Math.max(0.02, hit.y), hit.z]);
    }
  };
  const startDrag = (e: ThreeEvent<PointerEvent>, d: NonNullable<typeof drag.current>) => {
    e.stopPropagation();
    drag.current = d;
    (e.target as Element | null)?.setPointerCapture?.(e.pointerId);
  };

  return (
    <group>
      <MotionGhosts />
      {view !== 'persp' && <OrthoView key={view} view={view} />}
      {mode === 'pose' && fkBone && <FkRing key={fkBone} bone={fkBone} />}
      {mode === 'path' && (
        <mesh
          rotation-x={-Math.PI / 2}
          position={[0, 0.004, 0]}
          onClick={(e) => {
            // A click, not the end of an orbit drag.
            if (e.delta > 4 || drag.current) return;
            e.stopPropagation();
            useConstraints.getState().addWaypoint(e.point.x, e.point.z);
          }}
          onPointerMove={onMove}
          onPointerUp={endDrag}
        >
          <planeGeometry args={[200, 200]} />
          <meshBasicMaterial transparent opacity={0} depthWrite={false} />
        </mesh>
      )}
      {/* Lines are drawn, never picked: fat-line raycasting needs a camera on the raycaster and would break picking. */}
      {line && <Line points={line} color="#f5b942" lineWidth={2.5} raycast={noPick} />}
      {waypoints.map((w, i) => (
        <mesh
          key={i}
          position={[w.x, 0.03, w.z]}
          onPointerDown={(e) => mode === 'path' && i > 0 && startDrag(e, { kind: 'waypoint', index: i })}
          onPointerMove={onMove}
          onPointerUp={endDrag}
        >
          <sphereGeometry args={[i === 0 ? 0.05 : 0.07, 16, 12]} />
          <meshBasicMaterial color={i === 0 ? '#8fa3b8' : '#f5b942'} />
        </mesh>
      ))}
      {mode === 'pose' && handle && (
        <group position={handle}>
          <mesh
            onPointerDown={(e) => {
              camera.getWorldDirection(tmp);
              startDrag(e, { kind: 'handle', plane: new Plane().setFromNormalAndCoplanarPoint(tmp.clone(), new Vector3(...handle)) });
            }}
            onPointerMove={onMove}
            onPointerUp={endDrag}
          >
            <sphereGeometry args={[0.045, 20, 14]} />
            <meshBasicMaterial color="#4fd1c5" depthTest={false} transparent opacity={0.9} />
          </mesh>
          {/* Axis ticks, so the handle reads as a gizmo at any distance. */}
          <Line
            points={[
              [-0.12, 0, 0],
              [0.12, 0, 0],
            ]}
            color="#ef5350"
            lineWidth={2}
            depthTest={false}
            raycast={noPick}
          />
          <Line
            points={[
              [0, -0.12, 0],
              [0, 0.12, 0],
            ]}
            color="#66bb6a"
            lineWidth={2}
            depthTest={false}
            raycast={noPick}
          />
          <Line
            points={[
              [0, 0, -0.12],
              [0, 0, 0.12],
            ]}
            color="#42a5f5"
            lineWidth={2}
            depthTest={false}
            raycast={noPick}
          />
        </group>
      )}
    </group>
  );
}
