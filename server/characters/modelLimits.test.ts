/** The model limits: hostile structures are refused with a reason, real characters pass quickly. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fbxFile, fbxWithArray, glb, node } from '../../test/hostile/bombs.ts';
import { inspectModel, jsonDepthExceeds, MODEL_LIMITS } from './modelLimits.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const reason = (bytes: Uint8Array) => {
  const r = inspectModel(bytes);
  return r.ok ? 'ok' : r.reason;
};

/** An FBX string property ('S'). */
function str(s: string): Buffer {
  const b = Buffer.alloc(5 + s.length);
  b.write('S', 0, 'latin1');
  b.writeUInt32LE(s.length, 1);
  b.write(s, 5, 'latin1');
  return b;
}

describe('model limits', () => {
  it('real characters pass', () => {
    const files = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((f) => /\.(glb|fbx)$/.test(f)) : [];
    for (const f of files) expect(reason(new Uint8Array(fs.readFileSync(path.join(FIXTURES, f)))), f).toBe('ok');
  });

  it('an honest zlib array inside the limits passes; one that inflates to less than it declares is refused', () => {
    const data = Buffer.alloc(24 * 8);
    expect(reason(fbxWithArray(24, zlib.deflateSync(data)))).toBe('ok');
    expect(reason(fbxWithArray(48, zlib.deflateSync(data)))).toMatch(/different size than it declares/);
    expect(reason(fbxWithArray(24, Buffer.from('not zlib at all')))).toMatch(/not valid zlib/);
  });

  it('FBX nodes nested too deep, too many bones', () => {
    let deep = node('Leaf', Buffer.alloc(0), 0);
    for (let i = 0; i < MODEL_LIMITS.maxDepth + 2; i++) deep = node('N', Buffer.alloc(0), 0, [deep]);
    expect(reason(fbxFile([deep]))).toMatch(/nested deeper than 64/);
    const bones = Array.from({ length: MODEL_LIMITS.maxBones + 1 }, (_, i) => node('Model', Buffer.concat([str(`Bone${i}\0\x01Model`), str('LimbNode')]), 2));
    expect(reason(fbxFile([node('Objects', Buffer.alloc(0), 0, bones)]))).toMatch(/more than 1024 bones/);
  });

  it('ASCII FBX nested too deep or declaring too many values', () => {
    const deep = `; FBX 7.4.0 project file\n${'A: {\n'.repeat(100)}${'}\n'.repeat(100)}`;
    expect(reason(new TextEncoder().encode(deep))).toMatch(/nested deeper/);
    const big = `; FBX 7.4.0 project file\nVertices: *99999999999 {\n a: 1\n}\n`;
    expect(reason(new TextEncoder().encode(big))).toMatch(/declare more than/);
  });

  it('GLB: too many elements, external buffers, views outside their buffer, too many joints', () => {
    expect(reason(glb({ asset: { version: '2.0' }, nodes: Array.from({ length: MODEL_LIMITS.maxElements + 1 }, () => ({})) }))).toMatch(/100001 nodes/);
    expect(reason(glb({ asset: { version: '2.0' }, buffers: [{ byteLength: 4, uri: 'file:///etc/passwd' }] }))).toMatch(/external file/);
    expect(reason(glb({ asset: { version: '2.0' }, buffers: [{ byteLength: 8 }], bufferViews: [{ buffer: 0, byteOffset: 4, byteLength: 8 }] }, new Uint8Array(8)))).toMatch(
      /outside its buffer/,
    );
    expect(reason(glb({ asset: { version: '2.0' }, skins: [{ joints: Array.from({ length: 2000 }, (_, i) => i) }] }))).toMatch(/2000 bones/);
  });

  it('the JSON depth scan skips strings and stops early', () => {
    expect(jsonDepthExceeds(new TextEncoder().encode('{"a":"[[[[[[[[[[\\"[[[["}'), 3)).toBe(false);
    expect(jsonDepthExceeds(new TextEncoder().encode('[[[[]]]]'), 3)).toBe(true);
  });
});
