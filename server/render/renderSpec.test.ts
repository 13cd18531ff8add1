import { describe, expect, it } from 'vitest';
import { RenderRequest } from '../contract/api.ts';
import { ProviderError } from '../contract/providerError.ts';
import { renderSpecFor } from './renderSpec.ts';

const base = { provider: 'local', kind: 'render', parentJobId: 'job_abcdefgh12', variant: 1 } as const;
const spec = (extra: Record<string, unknown>) => renderSpecFor(RenderRequest.parse({ ...base, ...extra }));

describe('render request → local render spec', () => {
  it('defaults: 720p at 30 fps, MP4 and WebM, studio with shadow, cinematic camera from the front', () => {
    const s = spec({});
    expect(s).toMatchObject({ width: 1280, height: 720, fps: 30, outputs: ['mp4', 'webm'], transparent: false, keyRgb: null });
    expect(s.page).toEqual({ width: 1280, height: 720, fps: 30, camMode: 'cinematic', camAngleDeg: 0, backdrop: 'studio', shadow: true, background: null });
  });

  it('1080p and a single format', () => {
    expect(spec({ resolution: '1080p', format: 'mp4' })).toMatchObject({ width: 1920, height: 1080, outputs: ['mp4'], page: { width: 1920, height: 1080 } });
    expect(spec({ format: 'webm' }).outputs).toEqual(['webm']);
  });

  it('passes camera mode and angle through', () => {
    expect(spec({ camMode: 'face', camAngleDeg: -45 }).page).toMatchObject({ camMode: 'face', camAngleDeg: -45 });
    expect(spec({ camMode: 'fixed', camAngleDeg: 90 }).page).toMatchObject({ camMode: 'fixed', camAngleDeg: 90 });
  });

  it('an opaque bgColor on the studio is a solid key colour; shadow stays on unless turned off', () => {
    const s = spec({ bgColor: [0, 177, 64, 255] });
    expect(s).toMatchObject({ transparent: false, keyRgb: [0, 177, 64] });
    expect(s.page).toMatchObject({ backdrop: 'studio', shadow: true, background: { rgb: [0, 177, 64], transparent: false } });
    expect(spec({ bgColor: [0, 177, 64, 255], shadow: false }).page.shadow).toBe(false);
  });

  it('alpha below 255 makes the WebM transparent and keeps the colour for the MP4', () => {
    const s = spec({ bgColor: [0, 255, 0, 0] });
    expect(s).toMatchObject({ transparent: true, keyRgb: [0, 255, 0] });
    expect(s.page.background).toEqual({ rgb: [0, 255, 0], transparent: true });
  });

  it('2D backdrops: matched case-insensitively, no shadow by default, and bgColor does not replace them', () => {
    const s = spec({ backdrop: 'urban_rooftop', bgColor: [0, 177, 64, 255] });
    expect(s.page).toMatchObject({ backdrop: 'Urban_Rooftop', shadow: false, background: null });
    expect(s.keyRgb).toBeNull();
    expect(spec({ backdrop: 'STUDIO' }).page.backdrop).toBe('studio');
  });

  it('refuses a shadow on a 2D backdrop and an unknown backdrop, with what to do', () => {
    expect(() => spec({ backdrop: 'Red_Carpet', shadow: true })).toThrow(/Shadows are not available with the 2D backdrop Red_Carpet/);
    try {
      spec({ backdrop: 'Moon_Base' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ProviderError);
      expect((err as ProviderError).code).toBe('invalid_option');
      expect((err as Error).message).toContain('Checker_Cloudscape');
    }
  });

  it('the API schema takes the new options and refuses bad ones', () => {
    expect(RenderRequest.safeParse({ ...base, resolution: '4k' }).success).toBe(false);
    expect(RenderRequest.safeParse({ ...base, format: 'gif' }).success).toBe(false);
    expect(RenderRequest.safeParse({ ...base, camAngleDeg: 91 }).success).toBe(false);
    expect(RenderRequest.safeParse({ ...base, resolution: '1080p', format: 'both' }).success).toBe(true);
  });
});
