/**
 * Several scenes drawn into one canvas, each inside the screen rectangle of a DOM element (scissor rendering).
 * Written for the grid instead of using drei's <View>: that one decides a view is off-screen by comparing page
 * coordinates with the canvas size, so cells right of x = canvas width were never drawn when the canvas does not
 * start at the page's left edge (the studio's stage does not).
 *
 * <ScissorRenderer/> (one per canvas) draws every registered cell once per frame; <ScissorCell> puts its children
 * in a scene of their own (an R3F portal) with its own camera, and registers that scene with the renderer.
 */
import { createPortal, useFrame, useThree } from '@react-three/fiber';
import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { Scene } from 'three';
import type { Camera, PerspectiveCamera } from 'three';

interface CellEntry {
  track: RefObject<HTMLElement | null>;
  scene: Scene;
  camera: Camera;
}

type Registry = Map<string, CellEntry>;
const RegistryContext = createContext<Registry | null>(null);

/** Draws the registered cells, in registration order, each clipped to its element's rectangle. */
export function ScissorRenderer({ children }: { children: ReactNode }) {
  const [registry] = useState<Registry>(() => new Map());
  useFrame(({ gl }) => {
    const canvas = gl.domElement.getBoundingClientRect();
    const autoClear = gl.autoClear;
    gl.autoClear = false;
    gl.setScissorTest(true);
    for (const cell of registry.values()) {
      const el = cell.track.current;
      if (!el) continue;
      const r = el.getBoundingClientRect();
      const left = r.left - canvas.left;
      const bottom = canvas.bottom - r.bottom;
      const visible = r.width > 0 && r.height > 0 && r.right > canvas.left && r.left < canvas.right && r.bottom > canvas.top && r.top < canvas.bottom;
      if (!visible) continue;
      const cam = cell.camera as PerspectiveCamera;
      const aspect = r.width / r.height;
      if (cam.isPerspectiveCamera && Math.abs(cam.aspect - aspect) > 1e-6) {
        cam.aspect = aspect;
        cam.updateProjectionMatrix();
      }
      gl.setViewport(left, bottom, r.width, r.height);
      gl.setScissor(left, bottom, r.width, r.height);
      // Each cell scene has a background colour, which makes three clear (only) the scissored rectangle.
      gl.render(cell.scene, cell.camera);
    }
    gl.setScissorTest(false);
    gl.autoClear = autoClear;
  }, 1);
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/** Registers the portal's scene and current camera (a makeDefault camera inside replaces the root's). */
function Register({ id, track }: { id: string; track: RefObject<HTMLElement | null> }) {
  const registry = useContext(RegistryContext);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    if (!registry) return;
    registry.set(id, { track, scene, camera });
    invalidate();
    return () => {
      registry.delete(id);
      invalidate();
    };
  }, [registry, id, track, scene, camera, invalidate]);
  return null;
}

/** Children render into their own scene, shown inside `track`'s rectangle on the shared canvas. */
export function ScissorCell({ id, track, children }: { id: string; track: RefObject<HTMLElement | null>; children: ReactNode }) {
  const [scene] = useState(() => new Scene());
  return createPortal(
    <>
      <Register id={id} track={track} />
      {children}
    </>,
    scene,
  );
}
