/**
 * Studio stage: soft key/fill/rim lighting, a shadow-catching floor (ground shadow toggle) and a grid that fades
 * into the fog, centred on the subject.
 *
 * Cheap on purpose: the grid is plain line segments (drei's infinite-grid shader shades every floor pixel, which
 * halves the frame rate under software WebGL), the floor is unlit, only a catcher around the subject samples the shadow map, and the map is 512².
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Object3D } from 'three';
import type { DirectionalLight } from 'three';

export interface StageFocus {
  x: number;
  z: number;
  radius: number;
}

const BG = '#14161a';

export function Stage({ focus, showGrid, shadows = true }: { focus: StageFocus; showGrid: boolean; shadows?: boolean }) {
  const keyTarget = useMemo(() => new Object3D(), []);
  const r = Math.max(focus.radius, 1);
  const shadowExtent = r * 1.6;
  const keyLight = useRef<DirectionalLight>(null);

  // R3F sets shadow-camera-* as plain fields; the projection must be rebuilt or the old frustum stays in use.
  useLayoutEffect(() => {
    keyLight.current?.shadow.camera.updateProjectionMatrix();
  }, [shadowExtent]);

  return (
    <>
      <color attach="background" args={[BG]} />
      <fog attach="fog" args={[BG, r * 4, r * 11]} />
      <hemisphereLight args={['#e4ebf7', '#2a2520', 1.15]} />
      <primitive object={keyTarget} position={[focus.x, 0, focus.z]} />
      <directionalLight
        ref={keyLight}
        target={keyTarget}
        position={[focus.x - r * 1.6, r * 3.6, focus.z + r * 2]}
        intensity={2.3}
        color="#fff4e6"
        castShadow={shadows}
        shadow-mapSize={[512, 512]}
        shadow-bias={-0.0003}
        shadow-normalBias={0.02}
        shadow-radius={4}
        shadow-camera-left={-shadowExtent}
        shadow-camera-right={shadowExtent}
        shadow-camera-top={shadowExtent}
        shadow-camera-bottom={-shadowExtent}
        shadow-camera-near={0.1}
        shadow-camera-far={r * 14}
      />
      {/* cool rim from behind, soft fill from the camera side */}
      <directionalLight position={[focus.x + r * 2, r * 2, focus.z - r * 3]} intensity={1.1} color="#a9bcff" />
      <directionalLight position={[focus.x + r * 3, r * 1.2, focus.z + r * 2]} intensity={0.45} color="#ffffff" />
      {/* A floor a shade lighter than the backdrop; fog blends its far edge away. It takes no shadow itself: a
          shadow catcher just around the subject does, so shadow filtering runs on a few pixels, not the whole floor. */}
      <mesh rotation-x={-Math.PI / 2}>
        <planeGeometry args={[400, 400]} />
        {/* Unlit: a lit material would run shadow lookups on every floor pixel even without receiving shadows. */}
        <meshBasicMaterial color="#262a31" />
      </mesh>
      {shadows && (
        <mesh rotation-x={-Math.PI / 2} position={[focus.x, 0.001, focus.z]} receiveShadow>
          <planeGeometry args={[shadowExtent * 2, shadowExtent * 2]} />
          <shadowMaterial opacity={0.6} transparent depthWrite={false} />
        </mesh>
      )}
      {showGrid && <FloorGrid x={focus.x} z={focus.z} radius={r} />}
    </>
  );
}

/**
 * 1 m sections out to where the fog hides them, 25 cm cells only near the subject (where they help judge a step),
 * snapped to whole metres so lines do not swim as the focus moves.
 */
function FloorGrid({ x, z, radius }: { x: number; z: number; radius: number }) {
  const size = Math.min(80, Math.max(8, 2 * Math.ceil(radius * 5)));
  const near = Math.min(size, 2 * Math.ceil(radius * 2));
  return (
    <group position={[Math.round(x), 0.002, Math.round(z)]}>
      <gridHelper args={[near, near * 4, '#2c3139', '#2c3139']} />
      <gridHelper args={[size, size, '#3d4554', '#3d4554']} position-y={0.001} />
    </group>
  );
}
