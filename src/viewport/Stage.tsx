/**
 * Studio stage: soft key/fill/rim lighting, a shadow-catching floor (ground shadow toggle) and a grid that fades
 * into the fog, centred on the subject.
 *
 * Cheap on purpose (software WebGL draws a few frames per second otherwise): the grid is a texture on the unlit
 * floor rather than a grid shader or line primitives, only a catcher around the subject samples the shadow map,
 * and the map is 512².
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Object3D } from 'three';
import type { DirectionalLight } from 'three';
import { createFloorTexture } from './floorTexture.ts';
import { renderQuality } from './renderQuality.ts';

export interface StageFocus {
  x: number;
  z: number;
  radius: number;
}

const BG = '#14161a';
const FLOOR = '#262a31';
const FLOOR_M = 400;

export function Stage({ focus, showGrid, shadows = true }: { focus: StageFocus; showGrid: boolean; shadows?: boolean }) {
  const keyTarget = useMemo(() => new Object3D(), []);
  const floorGrid = useMemo(() => {
    const t = createFloorTexture(FLOOR, '#2d323b', '#3d4554', renderQuality().software);
    t.repeat.set(FLOOR_M, FLOOR_M);
    return t;
  }, []);
  useEffect(() => () => floorGrid.dispose(), [floorGrid]);
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
      {/* Floor and grid in one unlit plane (a lit floor would run shadow lookups on every pixel); fog blends its
          far edge away. A shadow catcher just around the subject takes the shadow, so filtering runs on few pixels. */}
      <mesh rotation-x={-Math.PI / 2}>
        <planeGeometry args={[FLOOR_M, FLOOR_M]} />
        <meshBasicMaterial key={showGrid ? 'grid' : 'plain'} color={showGrid ? '#ffffff' : FLOOR} map={showGrid ? floorGrid : null} />
      </mesh>
      {shadows && (
        <mesh rotation-x={-Math.PI / 2} position={[focus.x, 0.001, focus.z]} receiveShadow>
          <planeGeometry args={[shadowExtent * 2, shadowExtent * 2]} />
          <shadowMaterial opacity={0.6} transparent depthWrite={false} />
        </mesh>
      )}
    </>
  );
}
