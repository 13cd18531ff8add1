/**
 * Makes @comfyorg/fbx-exporter-three write its array properties (vertices, weights, every animation curve's
 * key times and values) uncompressed: FBX's array header has an `encoding` field, 0 = raw, 1 = zlib, and
 * every reader takes both (Blender, assimp, three's FBXLoader, Autodesk's SDK — test/blender checks the first two).
 *
 * Why: the exporter always deflates arrays over 128 bytes with fflate (pure JS, level 1), with no option to turn
 * it off, and that was half the CPU time of a first FBX download (`node --cpu-prof`: a 10 s take went from
 * ~125 ms to ~63 ms CPU without it). The file roughly doubles (a 10 s mannequin take: 575 → 1 050 KB), which is
 * nothing next to the wait it saves; Node's native zlib instead saved only ~15 %.
 *
 * The library builds its FBXElem nodes internally, so the only place to choose the encoding is FBXElem's
 * `_addArray`, replaced here once per process (idempotent). It is a private method of a pinned dependency: if an
 * upgrade renames it, `rawFbxArrays()` throws at the first export rather than silently compressing again, and
 * fbxRawArrays.test.ts fails.
 */
import { FBXElem } from '@comfyorg/fbx-exporter-three';

interface ArrayWriter {
  propsType: number[];
  propsData: Uint8Array[];
  _addArray(typeTag: number, elementCount: number, rawBytes: ArrayBufferLike): void;
}

const RAW = Symbol.for('kinema.fbxRawArrays');

/** Header of an FBX array property: element count, encoding (0 = raw), byte length of what follows. */
const HEADER_BYTES = 12;

export function rawFbxArrays(): void {
  const proto = FBXElem.prototype as unknown as ArrayWriter & { [RAW]?: true };
  if (proto[RAW]) return;
  if (typeof proto._addArray !== 'function') {
    throw new Error('@comfyorg/fbx-exporter-three no longer has FBXElem._addArray: update server/downloads/fbxRawArrays.ts');
  }
  proto._addArray = function addRawArray(this: ArrayWriter, typeTag, elementCount, rawBytes) {
    const body = new Uint8Array(rawBytes);
    const out = new Uint8Array(HEADER_BYTES + body.byteLength);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, elementCount, true);
    dv.setUint32(4, 0, true);
    dv.setUint32(8, body.byteLength, true);
    out.set(body, HEADER_BYTES);
    this.propsType.push(typeTag);
    this.propsData.push(out);
  };
  proto[RAW] = true;
}
