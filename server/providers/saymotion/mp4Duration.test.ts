import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mp4DurationSec } from './mp4Duration.ts';

/** A real MP4 from Debian's ffmpeg: `seconds` of test pattern at 30 fps. */
function makeMp4(seconds: number, extra: string[]): Uint8Array {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-mp4-')), 'clip.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=160x90:rate=30:duration=${seconds}`, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', ...extra, file]);
  const bytes = new Uint8Array(fs.readFileSync(file));
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return bytes;
}

describe('mp4DurationSec', () => {
  it('reads the movie header with moov first (faststart) or last', () => {
    expect(mp4DurationSec(makeMp4(1.5, ['-movflags', '+faststart']))).toBeCloseTo(1.5, 2);
    expect(mp4DurationSec(makeMp4(2.2, []))).toBeCloseTo(2.2, 2);
  });

  it('null for bytes that are not an MP4 or are cut short', () => {
    expect(mp4DurationSec(new TextEncoder().encode('HIERARCHY\nROOT Hips'))).toBeNull();
    const mp4 = makeMp4(1, ['-movflags', '+faststart']);
    expect(mp4DurationSec(mp4.subarray(0, 40))).toBeNull();
  });
});
