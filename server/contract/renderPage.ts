/**
 * The contract between the server's frame renderer (server/render) and the studio's render page
 * (render.html + src/render): what the page is asked to draw, passed as `?config=<JSON>` so the same
 * URL can be opened by hand to see exactly what a render job sees. Free of Node and DOM imports.
 */
import { z } from 'zod';
import { RENDER_BACKDROPS_2D, RENDER_CAM_MODES } from './api.ts';

export const RENDER_PAGE_PATH = '/render.html';

const byte = z.number().int().min(0).max(255);

export const RenderPageConfig = z.strictObject({
  /** Same-origin URL of the GLB whose first clip is rendered. */
  glbUrl: z.string().startsWith('/'),
  width: z.number().int().min(16).max(3840),
  height: z.number().int().min(16).max(2160),
  fps: z.number().int().min(1).max(120),
  camMode: z.enum(RENDER_CAM_MODES),
  /** Horizontal orbit around the subject: 0 looks at its front, positive moves the camera towards +X. */
  camAngleDeg: z.number().min(-90).max(90),
  /** `studio` is the 3D stage with a floor; a 2D name paints that backdrop behind the character. */
  backdrop: z.union([z.literal('studio'), z.enum(RENDER_BACKDROPS_2D)]),
  shadow: z.boolean(),
  /** A solid background (green screen) instead of the backdrop; transparent clears alpha to 0 as well. */
  background: z.strictObject({ rgb: z.tuple([byte, byte, byte]), transparent: z.boolean() }).nullable(),
});
export type RenderPageConfig = z.infer<typeof RenderPageConfig>;

/** What the page exposes as `window.__render` once it has loaded the clip. */
export interface RenderPageHandle {
  ready: boolean;
  /** Set instead of `ready` when the page cannot render; the message says why. */
  error: string | null;
  frameCount: number;
  fps: number;
  /** Poses the clip at exactly `i / fps` seconds, places the camera for that frame and draws it. */
  renderFrame(i: number): Promise<void>;
}
