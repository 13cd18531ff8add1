/**
 * Hostile model files, generated (never stored): an FBX whose zlib array inflates to 1 GiB while
 * declaring a few bytes, one that honestly declares 1 GiB, a GLB whose accessor claims 2^31 elements,
 * and a GLB whose JSON is nested two million levels deep.
 */
import zlib from 'node:zlib';

/** A GLB from a JSON value (or raw JSON text) and an optional binary chunk. */
export function glb(json: unknown, bin?: Uint8Array): Uint8Array {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  const jsonBytes = Buffer.from(text + ' '.repeat((4 - (Buffer.byteLength(text) % 4)) % 4));
  const binBytes = bin ? Buffer.concat([Buffer.from(bin), Buffer.alloc((4 - (bin.length % 4)) % 4)]) : null;
  const total = 12 + 8 + jsonBytes.length + (binBytes ? 8 + binBytes.length : 0);
  const out = Buffer.alloc(total);
  out.write('glTF', 0, 'latin1');
  out.writeUInt32LE(2, 4);
  out.writeUInt32LE(total, 8);
  out.writeUInt32LE(jsonBytes.length, 12);
  out.writeUInt32LE(0x4e4f534a, 16);
  jsonBytes.copy(out, 20);
  if (binBytes) {
    const at = 20 + jsonBytes.length;
    out.writeUInt32LE(binBytes.length, at);
    out.writeUInt32LE(0x004e4942, at + 4);
    binBytes.copy(out, at + 8);
  }
  return new Uint8Array(out);
}

export function glbWithHugeAccessor(): Uint8Array {
  return glb(
    {
      asset: { version: '2.0' },
      buffers: [{ byteLength: 16 }],
      bufferViews: [{ buffer: 0, byteLength: 16 }],
      accessors: [{ bufferView: 0, count: 2 ** 31, type: 'VEC3', componentType: 5126 }],
      meshes: [{ primitives: [{ attributes: { POSITION: 0 } }] }],
      nodes: [{ mesh: 0 }],
      scenes: [{ nodes: [0] }],
    },
    new Uint8Array(16),
  );
}

export function glbWithDeepJson(depth = 2_000_000): Uint8Array {
  return glb(`{"asset":{"version":"2.0"},"extras":${'['.repeat(depth)}${']'.repeat(depth)}}`);
}

type Child = (start: number) => Buffer;

/** One binary FBX 7.4 node record starting at absolute offset `start` (offsets in FBX are absolute). */
export function node(name: string, props: Buffer, propCount: number, children: Child[] = []): Child {
  return (start) => {
    const header = 13 + name.length;
    let pos = start + header + props.length;
    const kids: Buffer[] = [];
    for (const c of children) {
      const b = c(pos);
      kids.push(b);
      pos += b.length;
    }
    if (children.length) pos += 13;
    const head = Buffer.alloc(header);
    head.writeUInt32LE(pos, 0);
    head.writeUInt32LE(propCount, 4);
    head.writeUInt32LE(props.length, 8);
    head.writeUInt8(name.length, 12);
    head.write(name, 13, 'latin1');
    return Buffer.concat([head, props, ...kids, ...(children.length ? [Buffer.alloc(13)] : [])]);
  };
}

function doubleArray(declaredCount: number, compressed: Buffer): Buffer {
  const h = Buffer.alloc(13);
  h.write('d', 0, 'latin1');
  h.writeUInt32LE(declaredCount, 1);
  h.writeUInt32LE(1, 5); // zlib
  h.writeUInt32LE(compressed.length, 9);
  return Buffer.concat([h, compressed]);
}

export function fbxFile(children: Child[]): Uint8Array {
  const header = Buffer.alloc(27);
  header.write('Kaydara FBX Binary  \0\x1a\0', 0, 'latin1');
  header.writeUInt32LE(7400, 23);
  let pos = 27;
  const parts: Buffer[] = [header];
  for (const c of children) {
    const b = c(pos);
    parts.push(b);
    pos += b.length;
  }
  parts.push(Buffer.alloc(13));
  return new Uint8Array(Buffer.concat(parts));
}

/** zlib stream of `bytes` zeros, made in 1 MiB steps so the test itself never holds the inflated data. */
export async function zerosDeflated(bytes: number): Promise<Buffer> {
  const z = zlib.createDeflate({ level: 1 });
  const out: Buffer[] = [];
  z.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((r) => z.on('end', r));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= chunk.length) {
    if (!z.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

/** Vertices declaring `declaredDoubles` values, whose zlib data is `compressed`. */
export function fbxWithArray(declaredDoubles: number, compressed: Buffer): Uint8Array {
  const vertices = node('Vertices', doubleArray(declaredDoubles, compressed), 1);
  const geometry = node('Geometry', Buffer.alloc(0), 0, [vertices]);
  return fbxFile([node('Objects', Buffer.alloc(0), 0, [geometry])]);
}
