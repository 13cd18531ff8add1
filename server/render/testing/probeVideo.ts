/**
 * Test helpers that look at rendered videos with the real ffprobe/ffmpeg: stream facts, and one frame's
 * pixels (RGB24, optionally downscaled) at a given time.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface VideoFacts {
  codec: string;
  width: number;
  height: number;
  fps: number;
  frames: number;
  durationSec: number;
  pixFmt: string;
  /** VP9 stores alpha beside the picture; the muxer marks it with this tag. */
  alphaMode: boolean;
}

export async function probeVideo(file: string): Promise<VideoFacts> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', file]);
  const info = JSON.parse(stdout) as {
    streams: Array<{
      codec_type: string;
      codec_name: string;
      width: number;
      height: number;
      r_frame_rate: string;
      nb_read_frames: string;
      pix_fmt: string;
      tags?: Record<string, string>;
    }>;
    format: { duration: string };
  };
  const v = info.streams.find((s) => s.codec_type === 'video');
  if (!v) throw new Error(`${file} has no video stream`);
  const [num, den] = v.r_frame_rate.split('/').map(Number);
  return {
    codec: v.codec_name,
    width: v.width,
    height: v.height,
    fps: num! / (den || 1),
    frames: Number(v.nb_read_frames),
    durationSec: Number(info.format.duration),
    pixFmt: v.pix_fmt,
    alphaMode: Object.entries(v.tags ?? {}).some(([k, val]) => k.toLowerCase() === 'alpha_mode' && val === '1'),
  };
}

export interface Frame {
  width: number;
  height: number;
  /** RGB24 rows, top to bottom. */
  rgb: Uint8Array;
}

export async function frameAt(file: string, timeSec: number, width = 320): Promise<Frame> {
  const facts = await probeVideo(file);
  const height = Math.round((facts.height * width) / facts.width / 2) * 2;
  const { stdout } = await run(
    'ffmpeg',
    ['-v', 'error', '-ss', String(timeSec), '-i', file, '-frames:v', '1', '-vf', `scale=${width}:${height}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { width, height, rgb: new Uint8Array(stdout) };
}

export function pixel(f: Frame, x: number, y: number): [number, number, number] {
  const i = (y * f.width + x) * 3;
  return [f.rgb[i]!, f.rgb[i + 1]!, f.rgb[i + 2]!];
}

/** Share of pixels whose colour differs by more than `threshold` (sum of channel differences). */
export function changedShare(a: Frame, b: Frame, threshold = 30): number {
  let changed = 0;
  for (let i = 0; i < a.rgb.length; i += 3) {
    if (Math.abs(a.rgb[i]! - b.rgb[i]!) + Math.abs(a.rgb[i + 1]! - b.rgb[i + 1]!) + Math.abs(a.rgb[i + 2]! - b.rgb[i + 2]!) > threshold) changed++;
  }
  return changed / (a.rgb.length / 3);
}
