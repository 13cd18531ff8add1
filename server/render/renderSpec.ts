/**
 * A validated render request → what the local renderer does: output size and files, and the render
 * page's scene options. Pure, so each option's mapping is unit-tested on its own.
 *
 * Option semantics (matching SayMotion's render where it defines them, docs/contracts/saymotion.md):
 * - backdrop: `studio` (default) is the 3D stage; a named 2D backdrop is painted behind the character and
 *   takes precedence over bgColor; shadows are refused with 2D backdrops, as SayMotion refuses them.
 * - bgColor [r,g,b,a]: on the studio backdrop, a solid background instead of the stage (green screen).
 *   Alpha below 255 also makes the WebM background transparent; MP4 has no alpha and shows the colour.
 * - shadow: defaults to on for the studio, off otherwise.
 * - camMode / camAngleDeg: default cinematic, 0° (the character's front).
 * - resolution: 720p (default) or 1080p; format: mp4, webm or both (default).
 */
import { RENDER_BACKDROPS_2D, type RenderRequest } from '../contract/api.ts';
import type { RenderPageConfig } from '../contract/renderPage.ts';
import { ProviderError } from '../contract/providerError.ts';

const RENDER_FPS = 30;

const SIZES = { '720p': { width: 1280, height: 720 }, '1080p': { width: 1920, height: 1080 } } as const;

export type VideoFormat = 'mp4' | 'webm';

export interface RenderSpec {
  width: number;
  height: number;
  fps: number;
  outputs: VideoFormat[];
  /** True when the WebM keeps an alpha channel (and the MP4 is composited onto `keyRgb`). */
  transparent: boolean;
  /** The solid background colour, when one was asked for. */
  keyRgb: [number, number, number] | null;
  /** The render page's options, without the GLB URL (the renderer adds it). */
  page: Omit<RenderPageConfig, 'glbUrl'>;
}

function backdropOf(name: string | undefined): RenderPageConfig['backdrop'] {
  const trimmed = name?.trim() ?? '';
  if (trimmed === '' || trimmed.toLowerCase() === 'studio') return 'studio';
  const hit = RENDER_BACKDROPS_2D.find((b) => b.toLowerCase() === trimmed.toLowerCase());
  if (!hit) throw new ProviderError('invalid_option', `backdrop must be "studio" or one of the 2D backdrops: ${RENDER_BACKDROPS_2D.join(', ')}.`);
  return hit;
}

export function renderSpecFor(req: RenderRequest): RenderSpec {
  const { width, height } = SIZES[req.resolution ?? '720p'];
  const backdrop = backdropOf(req.backdrop);
  const studio = backdrop === 'studio';
  if (!studio && req.shadow === true) {
    throw new ProviderError('invalid_option', `Shadows are not available with the 2D backdrop ${backdrop}; use the studio backdrop or turn shadow off.`);
  }
  const bg = studio && req.bgColor ? req.bgColor : null;
  const transparent = bg !== null && bg[3] < 255;
  const keyRgb: [number, number, number] | null = bg ? [bg[0], bg[1], bg[2]] : null;
  const format = req.format ?? 'both';
  return {
    width,
    height,
    fps: RENDER_FPS,
    outputs: format === 'both' ? ['mp4', 'webm'] : [format],
    transparent,
    keyRgb,
    page: {
      width,
      height,
      fps: RENDER_FPS,
      camMode: req.camMode ?? 'cinematic',
      camAngleDeg: req.camAngleDeg ?? 0,
      backdrop,
      shadow: req.shadow ?? studio,
      background: keyRgb ? { rgb: keyRgb, transparent } : null,
    },
  };
}
