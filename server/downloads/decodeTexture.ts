/**
 * A glTF texture's PNG or JPEG as RGBA pixels in a three DataTexture, which @comfyorg/fbx-exporter-three can embed
 * in an FBX (it re-encodes pixels as PNG; Node has no browser image decoder, so pngjs and jpeg-js decode here).
 */
import type { Texture } from '@gltf-transform/core';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { DataTexture, RGBAFormat, SRGBColorSpace, UnsignedByteType } from 'three';

/** Decodes a glTF texture's PNG/JPEG into RGBA pixels; null (and no map) for formats without a decoder here. */
export function decodeTexture(t: Texture): DataTexture | null {
  const bytes = t.getImage();
  if (!bytes) return null;
  let rgba: { data: Uint8Array; width: number; height: number };
  try {
    if (t.getMimeType() === 'image/png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      rgba = { data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength), width: png.width, height: png.height };
    } else if (t.getMimeType() === 'image/jpeg') {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 512 });
      rgba = { data: img.data, width: img.width, height: img.height };
    } else {
      return null;
    }
  } catch {
    return null;
  }
  const tex = new DataTexture(rgba.data, rgba.width, rgba.height, RGBAFormat, UnsignedByteType);
  tex.name = t.getName() || t.getURI() || 'texture';
  tex.colorSpace = SRGBColorSpace;
  tex.flipY = false;
  return tex;
}
