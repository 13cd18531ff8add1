/**
 * The render page's scene dressing: lights, floor or shadow catcher, and the background the request asked
 * for (the studio stage, a painted 2D backdrop, or a solid/transparent colour for keying).
 * Lights follow the character so one that walks far keeps a crisp shadow.
 */
import { CanvasTexture, Color, DirectionalLight, Fog, HemisphereLight, Mesh, MeshBasicMaterial, Object3D, PlaneGeometry, SRGBColorSpace, Scene, ShadowMaterial } from 'three';
import type { WebGLRenderer } from 'three';
import type { RenderPageConfig } from '../../server/contract/renderPage.ts';
import { paintBackdrop } from './backdrops2d.ts';
import type { Vec3 } from './cameraPath.ts';
import { createBlobShadow } from './BlobShadow.ts';

/** The studio viewport's palette, so a local render looks like the preview the user approved. */
const STUDIO_BG = '#14161a';
const STUDIO_FLOOR = '#2b2f37';
/** Half the side of the shadow frustum and catcher around the hips: a 1.8 m figure's shadow and reach. */
const SHADOW_EXTENT = 2;

export interface RenderStage {
  scene: Scene;
  /** Re-centres the lights, shadow frustum and catcher on the character (its hips) for this frame. */
  follow(hips: Vec3): void;
}

export function buildRenderStage(renderer: WebGLRenderer, config: RenderPageConfig, cameraDistance: number): RenderStage {
  const scene = new Scene();
  const { background, backdrop } = config;
  const solid = background !== null;
  const shadow = config.shadow && (solid || backdrop === 'studio');

  if (background) {
    const rgb = new Color().setRGB(background.rgb[0] / 255, background.rgb[1] / 255, background.rgb[2] / 255, SRGBColorSpace);
    if (background.transparent) {
      // Alpha 0 everywhere the character is not: WebM keeps it, the MP4 encoder composites onto `rgb`.
      renderer.setClearColor(rgb, 0);
      scene.background = null;
    } else {
      scene.background = rgb;
    }
  } else if (backdrop === 'studio') {
    scene.background = new Color(STUDIO_BG);
    scene.fog = new Fog(STUDIO_BG, cameraDistance * 1.6, cameraDistance * 5);
    // Unlit: a flat floor under directional light is one colour anyway, and per-pixel PBR over half the
    // frame costs more than everything else together in software WebGL (measured: ~3x the frame time).
    const floor = new Mesh(new PlaneGeometry(400, 400), new MeshBasicMaterial({ color: STUDIO_FLOOR }));
    floor.rotation.x = -Math.PI / 2;
    scene.add(floor);
  } else {
    const texture = new CanvasTexture(paintBackdrop(backdrop, config.width, config.height));
    texture.colorSpace = SRGBColorSpace;
    scene.background = texture;
  }

  // Shadows land on a catcher that draws only the shadow: over the studio floor and over a key colour alike
  // (so compositing keeps the contact shadow). It covers the shadow frustum only and moves with the
  // subject, because sampling the shadow map is the costliest per-pixel work in software WebGL.
  const catcher = shadow ? new Mesh(new PlaneGeometry(SHADOW_EXTENT * 2, SHADOW_EXTENT * 2), new ShadowMaterial({ opacity: 0.5 })) : null;
  if (catcher) {
    catcher.rotation.x = -Math.PI / 2;
    catcher.position.y = 0.001;
    catcher.receiveShadow = true;
    scene.add(catcher);
  }

  // A soft contact shadow right under the body, as in the studio viewport: the key light's shadow falls to one
  // side, and without this the feet look as if they hover over the floor.
  const contact = shadow ? createBlobShadow(0.42) : null;
  if (contact) scene.add(contact);

  scene.add(new HemisphereLight('#e4ebf7', '#2a2520', 1.15));
  const keyTarget = new Object3D();
  scene.add(keyTarget);
  const key = new DirectionalLight('#fff4e6', 2.3);
  key.target = keyTarget;
  if (shadow) {
    renderer.shadowMap.enabled = true;
    key.castShadow = true;
    key.shadow.mapSize.set(1024, 1024);
    key.shadow.bias = -0.0003;
    key.shadow.normalBias = 0.02;
    const cam = key.shadow.camera;
    cam.left = -SHADOW_EXTENT;
    cam.right = SHADOW_EXTENT;
    cam.top = SHADOW_EXTENT;
    cam.bottom = -SHADOW_EXTENT;
    cam.near = 0.1;
    cam.far = 30;
    cam.updateProjectionMatrix();
  }
  const rim = new DirectionalLight('#a9bcff', 1.1);
  const fill = new DirectionalLight('#ffffff', 0.45);
  scene.add(key, rim, fill);

  const follow = ([x, , z]: Vec3) => {
    keyTarget.position.set(x, 0, z);
    catcher?.position.set(x, 0.001, z);
    contact?.position.set(x, 0.003, z);
    key.position.set(x - 2.6, 5.8, z + 3.2);
    rim.position.set(x + 3.2, 3.2, z - 4.8);
    fill.position.set(x + 4.8, 2, z + 3.2);
    keyTarget.updateMatrixWorld();
  };
  follow([0, 0, 0]);
  return { scene, follow };
}
