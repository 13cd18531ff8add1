import { describe, expect, it } from 'vitest';
import { detectFps } from './clipInfo.ts';

const track = (fps: number, frames: number, jitter = 0) => ({
  times: Float32Array.from({ length: frames }, (_, i) => i / fps + (i % 2 ? jitter : 0)),
});

describe('detectFps', () => {
  it('reads the rate from the densest track', () => {
    expect(detectFps([track(30, 121), { times: [0, 4] }])).toBe(30);
    expect(detectFps([track(24, 97)])).toBe(24);
    expect(detectFps([track(60, 300)])).toBe(60);
  });
  it('snaps float noise to a common rate', () => {
    expect(detectFps([{ times: [0, 0.0334, 0.0667, 4.0004] }, track(29.8, 120)])).toBe(30);
  });
  it('falls back to 30 fps for sparse clips', () => {
    expect(detectFps([])).toBe(30);
    expect(detectFps([{ times: [0, 1] }])).toBe(30);
    expect(detectFps([{ times: [0, 0, 0] }])).toBe(30);
  });
  it('rounds unusual rates', () => {
    expect(detectFps([track(12, 50)])).toBe(12);
  });
});
