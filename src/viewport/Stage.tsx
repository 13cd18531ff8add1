/** Studio stage: soft key/fill/rim lighting, a shadow-catching floor (ground shadow toggle) and a fading grid, centred on the subject. */
import { Grid } from '@react-three/drei';
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
        shadow-mapSize={[2048, 2048]}
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
      {/* A floor a shade lighter than the backdrop, so contact shadows read; fog blends its far edge away. */}
      <mesh rotation-x={-Math.PI / 2} receiveShadow>
        <planeGeometry args={[400, 400]} />
        <meshStandardMaterial color="#2a2e36" roughness={1} metalness={0} />
      </mesh>
      {showGrid && (
        <Grid
          position={[0, 0.002, 0]}
          infiniteGrid
          cellSize={0.25}
          cellThickness={0.6}
          cellColor="#30353f"
          sectionSize={1}
          sectionThickness={1}
          sectionColor="#465063"
          fadeDistance={r * 7}
          fadeStrength={1.2}
          followCamera={false}
        />
      )}
    </>
  );
}
