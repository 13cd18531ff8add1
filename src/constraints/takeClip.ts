/**
 * The shown take's joint positions, read from its exported BVH (what downloads is what is drawn and
 * measured): for onion skins, trails and the body frame that mirror and copy/paste of poses work in.
 */
import { useEffect, useState } from 'react';
import { bvhPositions, readBvh } from '../../server/engine/io/bvhRead.ts';

export interface TakeClip {
  frames: number;
  fps: number;
  /** Joints per frame. */
  jc: number;
  parents: number[];
  names: string[];
  /** World positions in metres: frames × joints × 3. */
  pos: Float32Array;
}

function parseTakeClip(text: string): TakeClip {
  const b = readBvh(text);
  // BVH exports are in centimetres.
  return {
    frames: b.frames,
    fps: Math.round(1 / b.frameTime),
    jc: b.joints.length,
    parents: b.joints.map((j) => j.parent),
    names: b.joints.map((j) => j.name),
    pos: bvhPositions(b, 0.01),
  };
}

/** Index of the joint whose name ends with `suffix` (finger joints excluded), or -1. */
export function jointIndex(clip: TakeClip, suffix: string): number {
  return clip.names.findIndex((n) => n.endsWith(suffix) && !/Index|Thumb|Middle|Ring|Pinky/.test(n));
}

export function jointAt(clip: TakeClip, j: number, f: number): [number, number, number] {
  const o = (Math.min(Math.max(f, 0), clip.frames - 1) * clip.jc + j) * 3;
  return [clip.pos[o]!, clip.pos[o + 1]!, clip.pos[o + 2]!];
}

export function useTakeClip(url: string | null): TakeClip | null {
  const [clip, setClip] = useState<TakeClip | null>(null);
  useEffect(() => {
    setClip(null);
    if (!url) return;
    let live = true;
    void fetch(url)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((text) => live && setClip(parseTakeClip(text)))
      .catch(() => live && setClip(null));
    return () => {
      live = false;
    };
  }, [url]);
  return clip;
}
