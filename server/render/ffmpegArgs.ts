/**
 * ffmpeg's command line for one render: PNG frames arrive on stdin (image2pipe) and leave as H.264 MP4
 * (yuv420p, +faststart so browsers start playing before the whole file arrives) and/or VP9 WebM, both
 * from the same decoded frames in one process. A keyframe every half second (fixed GOP, no scene-cut
 * keyframes moving it) keeps scrubbing in a <video> element quick and frame-accurate: a seek decodes at
 * most half a second of frames. Pure, so the flags are unit-tested.
 */
import type { RenderSpec } from './renderSpec.ts';

function hex(rgb: readonly [number, number, number]): string {
  return `0x${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Frames between keyframes: half a second, at least 1. */
function keyframeInterval(fps: number): number {
  return Math.max(1, Math.round(fps / 2));
}

export function ffmpegArgs(spec: Pick<RenderSpec, 'width' | 'height' | 'fps' | 'outputs' | 'transparent' | 'keyRgb'>, outFiles: Partial<Record<'mp4' | 'webm', string>>): string[] {
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-f', 'image2pipe', '-c:v', 'png', '-framerate', String(spec.fps), '-i', 'pipe:0'];
  const gop = String(keyframeInterval(spec.fps));
  const compositeMp4 = spec.transparent && spec.outputs.includes('mp4');
  if (compositeMp4) {
    // MP4 cannot carry alpha: lay the frames over the key colour so the file matches what was asked for.
    const key = hex(spec.keyRgb ?? [0, 0, 0]);
    args.push('-filter_complex', `color=c=${key}:s=${spec.width}x${spec.height}:r=${spec.fps}[bg];[bg][0:v]overlay=shortest=1:format=auto[mp4]`);
  }
  for (const format of spec.outputs) {
    const file = outFiles[format];
    if (!file) throw new Error(`no output path for ${format}`);
    if (format === 'mp4') {
      args.push(
        '-map',
        compositeMp4 ? '[mp4]' : '0:v',
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-crf',
        '20',
        '-pix_fmt',
        'yuv420p',
        '-g',
        gop,
        '-keyint_min',
        gop,
        '-sc_threshold',
        '0',
        '-r',
        String(spec.fps),
        '-movflags',
        '+faststart',
        '-f',
        'mp4',
        file,
      );
    } else {
      args.push(
        '-map',
        '0:v',
        // Realtime deadline: libvpx's good-quality modes take seconds per HD frame on two cores.
        '-c:v',
        'libvpx-vp9',
        '-deadline',
        'realtime',
        '-cpu-used',
        '8',
        '-row-mt',
        '1',
        '-b:v',
        '0',
        '-crf',
        '32',
        '-g',
        gop,
        ...(spec.transparent ? ['-pix_fmt', 'yuva420p', '-auto-alt-ref', '0'] : ['-pix_fmt', 'yuv420p']),
        '-r',
        String(spec.fps),
        '-f',
        'webm',
        file,
      );
    }
  }
  return args;
}
