import { describe, expect, it } from 'vitest';
import { ffmpegArgs } from './ffmpegArgs.ts';

const files = { mp4: '/tmp/x/render.mp4', webm: '/tmp/x/render.webm' };
const opaque = { width: 1280, height: 720, fps: 30, outputs: ['mp4', 'webm'] as ('mp4' | 'webm')[], transparent: false, keyRgb: null };

/** The arguments that configure one output: from its `-map` to its file name. */
function outputArgs(args: string[], file: string): string[] {
  const end = args.indexOf(file);
  let start = end;
  while (start > 0 && args[start] !== '-map') start--;
  return args.slice(start, end + 1);
}

describe('ffmpeg arguments', () => {
  it('reads PNG frames from stdin at the output rate', () => {
    const args = ffmpegArgs(opaque, files);
    const input = args.slice(0, args.indexOf('pipe:0') + 1).join(' ');
    expect(input).toContain('-f image2pipe -c:v png -framerate 30 -i pipe:0');
  });

  it('MP4 is H.264, yuv420p, faststart; WebM is VP9', () => {
    const args = ffmpegArgs(opaque, files);
    const mp4 = outputArgs(args, files.mp4).join(' ');
    expect(mp4).toContain('-map 0:v');
    expect(mp4).toContain('-c:v libx264');
    expect(mp4).toContain('-pix_fmt yuv420p');
    expect(mp4).toContain('-movflags +faststart');
    // Scrubbable: a keyframe every half second (30 fps → 15 frames), not moved by scene cuts.
    expect(mp4).toContain('-g 15 -keyint_min 15 -sc_threshold 0');
    const webm = outputArgs(args, files.webm).join(' ');
    expect(webm).toContain('-c:v libvpx-vp9');
    expect(webm).toContain('-g 15');
    expect(webm).toContain('-pix_fmt yuv420p');
  });

  it('transparent: WebM keeps alpha, MP4 is composited over the key colour', () => {
    const args = ffmpegArgs({ ...opaque, transparent: true, keyRgb: [0, 177, 64] }, files);
    const graph = args[args.indexOf('-filter_complex') + 1];
    expect(graph).toBe('color=c=0x00b140:s=1280x720:r=30[bg];[bg][0:v]overlay=shortest=1:format=auto[mp4]');
    expect(outputArgs(args, files.mp4).slice(0, 2)).toEqual(['-map', '[mp4]']);
    expect(outputArgs(args, files.webm).join(' ')).toContain('-pix_fmt yuva420p');
  });

  it('only the asked-for outputs, and no compositing when only WebM is made', () => {
    const args = ffmpegArgs({ ...opaque, outputs: ['webm'], transparent: true, keyRgb: [0, 0, 0] }, files);
    expect(args).not.toContain(files.mp4);
    expect(args).not.toContain('-filter_complex');
    expect(args.at(-1)).toBe(files.webm);
  });
});
