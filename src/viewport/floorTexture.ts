/**
 * The floor and its grid as one repeating texture: a 1 m tile with 25 cm cells. Drawn by the floor plane that
 * already covers those pixels, so the grid costs one texture lookup per pixel instead of hundreds of line
 * primitives (which dominate a frame under software WebGL); mipmaps fade distant lines instead of letting them
 * shimmer.
 */
import { DataTexture, LinearFilter, LinearMipmapLinearFilter, RepeatWrapping, RGBAFormat, SRGBColorSpace } from 'three';

const TILE = 256;

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `cheap`: bilinear without mipmaps (software WebGL samples trilinear textures slowly; fog hides the far aliasing). */
export function createFloorTexture(floor: string, cell: string, section: string, cheap = false): DataTexture {
  const data = new Uint8Array(TILE * TILE * 4);
  const [fr, fg, fb] = rgb(floor);
  const c = rgb(cell);
  const s = rgb(section);
  const cellPx = TILE / 4;
  for (let y = 0; y < TILE; y++) {
    for (let x = 0; x < TILE; x++) {
      // Section lines sit on the tile edges (whole metres), 2 px wide across the seam; cell lines 1 px.
      const onSection = x < 1 || x >= TILE - 1 || y < 1 || y >= TILE - 1;
      const onCell = x % cellPx === 0 || y % cellPx === 0;
      const [r, g, b] = onSection ? s : onCell ? c : [fr, fg, fb];
      data.set([r, g, b, 255], (y * TILE + x) * 4);
    }
  }
  const t = new DataTexture(data, TILE, TILE, RGBAFormat);
  t.wrapS = t.wrapT = RepeatWrapping;
  t.minFilter = cheap ? LinearFilter : LinearMipmapLinearFilter;
  t.generateMipmaps = !cheap;
  t.anisotropy = cheap ? 1 : 4;
  t.colorSpace = SRGBColorSpace;
  t.needsUpdate = true;
  return t;
}
