import { describe, expect, it } from 'vitest';
import { CreateJobRequest } from '../../server/contract/api.ts';
import { DEFAULT_RENDER_FORM, GREEN_SCREEN, hexToRgb, renderRequestFrom } from './renderForm.ts';

const local = { jobId: 'job_abcdefgh12', variant: 2, provider: 'local' as const };
const saymotion = { ...local, provider: 'saymotion' as const };

describe('render dialog → request', () => {
  it('defaults: studio stage with shadow, cinematic, 720p, both formats; valid for the API', () => {
    const body = renderRequestFrom(DEFAULT_RENDER_FORM, local);
    expect(body).toEqual({
      provider: 'local',
      kind: 'render',
      parentJobId: 'job_abcdefgh12',
      variant: 2,
      backdrop: 'studio',
      shadow: true,
      camMode: 'cinematic',
      camAngleDeg: 0,
      resolution: '720p',
      format: 'both',
    });
    expect(CreateJobRequest.safeParse(body).success).toBe(true);
  });

  it('green screen: the key colour, opaque unless transparency is asked for (local only)', () => {
    const green = { ...DEFAULT_RENDER_FORM, solidBackground: true, colour: GREEN_SCREEN };
    expect(renderRequestFrom(green, local)).toMatchObject({ bgColor: [0, 177, 64, 255] });
    expect(renderRequestFrom({ ...green, transparent: true }, local)).toMatchObject({ bgColor: [0, 177, 64, 0] });
    expect(renderRequestFrom({ ...green, transparent: true }, saymotion)).toMatchObject({ bgColor: [0, 177, 64, 255] });
  });

  it('a 2D backdrop sends neither a colour nor a shadow', () => {
    const body = renderRequestFrom({ ...DEFAULT_RENDER_FORM, backdrop: 'Red_Carpet', solidBackground: true, shadow: true }, local);
    expect(body).toMatchObject({ backdrop: 'Red_Carpet' });
    expect(body).not.toHaveProperty('bgColor');
    expect(body).not.toHaveProperty('shadow');
  });

  it('SayMotion gets no local-only options; the angle is a whole number in range', () => {
    const body = renderRequestFrom({ ...DEFAULT_RENDER_FORM, camMode: 'face', camAngleDeg: -37.4, resolution: '1080p', format: 'webm' }, saymotion);
    expect(body).not.toHaveProperty('resolution');
    expect(body).not.toHaveProperty('format');
    expect(body).toMatchObject({ camMode: 'face', camAngleDeg: -37 });
    expect(renderRequestFrom({ ...DEFAULT_RENDER_FORM, camAngleDeg: 120 }, local)).toMatchObject({ camAngleDeg: 90 });
  });

  it('reads #rrggbb colours', () => {
    expect(hexToRgb('#00B140')).toEqual([0, 177, 64]);
    expect(hexToRgb('nope')).toBeNull();
  });
});
