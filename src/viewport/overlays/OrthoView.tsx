/**
 * Front, side and top orthographic views: an orthographic camera becomes the default while one is
 * chosen (drei restores the perspective camera when it unmounts), centred on the character, with
 * orbiting off so the view stays square to its axis (zoom and pan still work).
 */
import { OrthographicCamera } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useRef } from 'react';
import type { OrthographicCamera as OrthoCam, Vector3 } from 'three';
import { viewportProbe } from '../../player/index.ts';
import type { ViewAxis } from '../../constraints/index.ts';

const DIST = 20;
/** Pixels per metre: a standing person fills about two thirds of a typical viewport. */
const ZOOM = 170;
/** Horizontal offset of the top camera per metre of height: enough to fix the roll, too small to see. */
const TOP_TILT = 5e-5;

interface ControlsLike {
  target: Vector3;
  enableRotate: boolean;
  update(): void;
}

export function OrthoView({ view }: { view: Exclude<ViewAxis, 'persp'> }) {
  const cam = useRef<OrthoCam>(null);
  const controls = useThree((s) => s.controls) as unknown as ControlsLike | null;
  const invalidate = useThree((s) => s.invalidate);
  useLayoutEffect(() => {
    const c = cam.current;
    if (!c) return;
    const [x, , z] = viewportProbe.rootPosition?.() ?? [0, 0.9, 0];
    const y = 0.9;
    // Up stays +Y in every view: OrbitControls builds its frame from the camera's up, and a top view made
    // with another up (or from exactly overhead, where lookAt has no defined roll) came out at whatever roll
    // the controls' next update chose. Instead the top camera sits a hair behind the character (−Z), so it
    // looks straight down (within 0.003°) with the character's forward, +Z, pointing up the screen.
    c.up.set(0, 1, 0);
    if (view === 'front') c.position.set(x, y, z + DIST);
    else if (view === 'side') c.position.set(x + DIST, y, z);
    else c.position.set(x, DIST, z - TOP_TILT * DIST);
    c.lookAt(x, view === 'top' ? 0 : y, z);
    c.updateProjectionMatrix();
    if (controls) {
      controls.target.set(x, view === 'top' ? 0 : y, z);
      controls.enableRotate = false;
      controls.update();
    }
    invalidate();
    return () => {
      if (controls) controls.enableRotate = true;
    };
  }, [view, controls, invalidate]);
  return <OrthographicCamera ref={cam} makeDefault zoom={ZOOM} near={0.05} far={200} />;
}
