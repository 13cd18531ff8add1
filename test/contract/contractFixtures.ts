/**
 * Files the SayMotion contract server hands out as "results", so the adapter's download, unzip and cache
 * path handles real bytes end to end. Deterministic (same inputs, same bytes), so a test can compare what
 * landed in the cache with what was served.
 *
 * GLB and BVH results are real animated clips made by the local engine (seeded). Everything else here is a
 * CONTRACT-TEST FIXTURE, not motion: the small GLB is a valid glTF 2.0 container with only an asset header
 * (for character uploads), the small BVH a valid two-joint clip (for intermediates), the FBX only the
 * binary FBX header plus a label (enough for format sniffing, not for a viewer), the MP4 an `ftyp` box
 * plus a labelled `free` box.
 */
import { zipSync } from 'fflate';
import { exportBvh, exportGlb, text2motion } from '../../server/engine/index.ts';

const enc = new TextEncoder();

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function u32le(...values: number[]): Uint8Array {
  const b = new Uint8Array(values.length * 4);
  const dv = new DataView(b.buffer);
  values.forEach((v, i) => dv.setUint32(i * 4, v, true));
  return b;
}

function u32be(value: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, value, false);
  return b;
}

export function fixtureGlb(label: string): Uint8Array {
  let json = JSON.stringify({ asset: { version: '2.0', generator: `Kinema SayMotion contract-test fixture (not motion): ${label}` } });
  // GLB chunks are 4-byte aligned; JSON chunks pad with spaces.
  while (enc.encode(json).byteLength % 4 !== 0) json += ' ';
  const chunk = enc.encode(json);
  const total = 12 + 8 + chunk.byteLength;
  return concat([u32le(0x46546c67, 2, total), u32le(chunk.byteLength, 0x4e4f534a), chunk]);
}

export function fixtureBvh(frames: number, seed: number): Uint8Array {
  const lines = [
    'HIERARCHY',
    'ROOT Hips',
    '{',
    '  OFFSET 0.0 0.0 0.0',
    '  CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation',
    '  JOINT Spine',
    '  {',
    '    OFFSET 0.0 10.0 0.0',
    '    CHANNELS 3 Zrotation Xrotation Yrotation',
    '    End Site',
    '    {',
    '      OFFSET 0.0 10.0 0.0',
    '    }',
    '  }',
    '}',
    'MOTION',
    `Frames: ${frames}`,
    'Frame Time: 0.0333333',
  ];
  for (let f = 0; f < frames; f++) {
    const a = ((f * 7 + seed) % 90) - 45;
    lines.push(`0.0 90.0 ${(f * 0.5).toFixed(2)} 0.0 ${a.toFixed(2)} 0.0 0.0 ${(a / 2).toFixed(2)} 0.0`);
  }
  return enc.encode(lines.join('\n') + '\n');
}

export function fixtureFbx(label: string): Uint8Array {
  // "Kaydara FBX Binary  \0", 0x1A 0x00, version 7400: the real header, then a label instead of nodes.
  return concat([enc.encode('Kaydara FBX Binary  \u0000'), new Uint8Array([0x1a, 0x00]), u32le(7400), enc.encode(`contract-test fixture: ${label}`)]);
}

/** SayMotion serves FBX zipped; `withExtras` adds a texture-like file so the archive must be kept too. */
export function fixtureFbxZip(name: string, label: string, withExtras = false): Uint8Array {
  const files: Record<string, Uint8Array> = { [`${name}.fbx`]: fixtureFbx(label) };
  if (withExtras) files[`${name}.fbm/skin.png`] = enc.encode('contract-test fixture texture');
  // A fixed mtime keeps the archive byte-identical between calls.
  return zipSync(files, { mtime: new Date('2024-01-01T00:00:00Z') });
}

export function fixtureMp4(label: string): Uint8Array {
  const ftyp = concat([u32be(20), enc.encode('ftypisom'), u32be(0x200), enc.encode('isom')]);
  const text = enc.encode(`contract-test fixture: ${label}`);
  return concat([ftyp, u32be(8 + text.byteLength), enc.encode('free'), text]);
}

export function fixtureDmpe(label: string): Uint8Array {
  return enc.encode(`DMPE contract-test fixture: ${label}`);
}

const clips = new Map<string, Promise<{ glb: Uint8Array; bvh: Uint8Array }>>();

/** A real engine clip for a result variant; memoised, since many contract jobs ask for the same one. */
export function engineClip(durationSec: number, variant: number): Promise<{ glb: Uint8Array; bvh: Uint8Array }> {
  const key = `${durationSec}:${variant}`;
  let clip = clips.get(key);
  if (!clip) {
    clip = (async () => {
      const { motions } = text2motion({
        prompt: 'a person walks forward then waves',
        variants: 1,
        durationSec,
        footLocking: 'auto',
        poseFiltering: 0,
        physicsFilter: true,
        seed: variant,
      });
      const motion = motions[0]!;
      return { glb: await exportGlb(motion, { animationName: `contract-variant-${variant}` }), bvh: enc.encode(exportBvh(motion)) };
    })();
    clips.set(key, clip);
  }
  return clip;
}
