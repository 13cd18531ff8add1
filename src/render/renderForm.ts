/**
 * The render dialog's form and how it becomes a POST /api/jobs body. Pure, so every option's mapping is
 * unit-tested. SayMotion renders MP4 at its own size and ignores alpha, so resolution, format and
 * transparency are sent only to the local renderer.
 */
import { RENDER_BACKDROPS_2D, RENDER_CAM_MODES, RENDER_FORMATS, RENDER_RESOLUTIONS } from '../../server/contract/api.ts';
import type { CreateJobRequest, ProviderId } from '../../server/contract/api.ts';

export type Backdrop = 'studio' | (typeof RENDER_BACKDROPS_2D)[number];
export const BACKDROP_CHOICES: readonly Backdrop[] = ['studio', ...RENDER_BACKDROPS_2D];

export interface RenderForm {
  backdrop: Backdrop;
  /** On the studio backdrop: keep the stage, or replace it with a solid colour (green screen). */
  solidBackground: boolean;
  colour: string;
  /** Local only: the WebM keeps an alpha channel instead of the colour. */
  transparent: boolean;
  shadow: boolean;
  camMode: (typeof RENDER_CAM_MODES)[number];
  camAngleDeg: number;
  resolution: (typeof RENDER_RESOLUTIONS)[number];
  format: (typeof RENDER_FORMATS)[number];
}

/** The usual chroma-key green. */
export const GREEN_SCREEN = '#00b140';

export const DEFAULT_RENDER_FORM: RenderForm = {
  backdrop: 'studio',
  solidBackground: false,
  colour: GREEN_SCREEN,
  transparent: false,
  shadow: true,
  camMode: 'cinematic',
  camAngleDeg: 0,
  resolution: '720p',
  format: 'both',
};

export function hexToRgb(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null;
}

export function renderRequestFrom(form: RenderForm, target: { jobId: string; variant: number; provider: ProviderId }): CreateJobRequest {
  const local = target.provider === 'local';
  const studio = form.backdrop === 'studio';
  const rgb = studio && form.solidBackground ? hexToRgb(form.colour) : null;
  return {
    provider: target.provider,
    kind: 'render',
    parentJobId: target.jobId,
    variant: target.variant,
    backdrop: form.backdrop,
    ...(rgb ? { bgColor: [rgb[0], rgb[1], rgb[2], local && form.transparent ? 0 : 255] as [number, number, number, number] } : {}),
    // Neither renderer draws shadows on a 2D backdrop; saying nothing lets it decide.
    ...(studio ? { shadow: form.shadow } : {}),
    camMode: form.camMode,
    camAngleDeg: Math.round(Math.min(90, Math.max(-90, form.camAngleDeg))),
    ...(local ? { resolution: form.resolution, format: form.format } : {}),
  };
}
