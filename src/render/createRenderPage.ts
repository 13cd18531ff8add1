/**
 * The render page's core: loads the clip, plans the camera for every frame, and draws frame i on demand.
 * The server steps it frame by frame (server/render), so nothing here runs on a clock.
 */
import { PerspectiveCamera, WebGLRenderer } from 'three';
import type { RenderPageConfig } from '../../server/contract/renderPage.ts';
import { cameraPath } from './cameraPath.ts';
import { loadClipRig } from './clipRig.ts';
import { buildRenderStage } from './renderStage.ts';

const FOV_DEG = 35;

export interface RenderPage {
  frameCount: number;
  fps: number;
  renderFrame(i: number): Promise<void>;
}

/** Frames in the video: the clip's length at the output rate (at least one, so a still pose still renders). */
function frameCountFor(durationSec: number, fps: number): number {
  return Math.max(1, Math.round(durationSec * fps));
}

export async function createRenderPage(config: RenderPageConfig, canvas: HTMLCanvasElement): Promise<RenderPage> {
  const rig = await loadClipRig(config.glbUrl);
  const { fps, width, height } = config;
  const frameCount = frameCountFor(rig.clip.duration, fps);

  const transparent = config.background?.transparent === true;
  // preserveDrawingBuffer: the server reads the canvas after renderFrame resolves, in a later task.
  const renderer = new WebGLRenderer({ canvas, antialias: true, alpha: transparent, preserveDrawingBuffer: true, powerPreference: 'high-performance' });
  renderer.setPixelRatio(1);
  renderer.setSize(width, height, false);

  const camera = new PerspectiveCamera(FOV_DEG, width / height, 0.05, 500);
  const samples = rig.sample(frameCount, fps);
  const path = cameraPath(samples, config.camMode, config.camAngleDeg, { fovDeg: FOV_DEG, aspect: width / height }, fps);
  const first = path[0]!;
  const distance = Math.hypot(first.position[0] - first.target[0], first.position[1] - first.target[1], first.position[2] - first.target[2]);
  camera.near = Math.max(0.01, distance / 200);
  camera.far = Math.max(100, distance * 50);
  camera.updateProjectionMatrix();

  const stage = buildRenderStage(renderer, config, distance);
  stage.scene.add(rig.root);

  return {
    frameCount,
    fps,
    async renderFrame(i: number) {
      if (!Number.isInteger(i) || i < 0 || i >= frameCount) throw new RangeError(`frame ${i} is outside 0..${frameCount - 1}`);
      rig.pose(i / fps);
      const p = path[i]!;
      camera.position.set(...p.position);
      camera.lookAt(...p.target);
      stage.follow(samples.hips[i]!);
      renderer.render(stage.scene, camera);
    },
  };
}
