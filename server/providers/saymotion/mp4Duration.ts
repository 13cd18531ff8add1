/**
 * Length of an MP4 in seconds from its movie header (`moov/mvhd`), for render jobs: a render has no BVH
 * to read the clip length from, and the video's own header is the authority on how long it plays.
 * Null when there is no usable header (truncated file, or a fragmented MP4 whose mvhd says 0).
 */
export function mp4DurationSec(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const moov = findBox(view, 0, view.byteLength, 'moov');
  if (!moov) return null;
  const mvhd = findBox(view, moov.body, moov.end, 'mvhd');
  if (!mvhd || mvhd.end - mvhd.body < 24) return null;
  const version = view.getUint8(mvhd.body);
  let timescale: number;
  let duration: number;
  if (version === 1) {
    if (mvhd.end - mvhd.body < 32) return null;
    timescale = view.getUint32(mvhd.body + 20);
    duration = Number(view.getBigUint64(mvhd.body + 24));
  } else {
    timescale = view.getUint32(mvhd.body + 12);
    duration = view.getUint32(mvhd.body + 16);
  }
  return timescale > 0 && duration > 0 ? duration / timescale : null;
}

function findBox(view: DataView, from: number, to: number, type: string): { body: number; end: number } | null {
  let at = from;
  while (at + 8 <= to) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) return null;
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header || at + size > to) return null;
    const name = String.fromCharCode(view.getUint8(at + 4), view.getUint8(at + 5), view.getUint8(at + 6), view.getUint8(at + 7));
    if (name === type) return { body: at + header, end: at + size };
    at += size;
  }
  return null;
}
