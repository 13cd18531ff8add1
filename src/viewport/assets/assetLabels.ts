/** Words for a loaded asset and its takes, as the file chip and the transport show them. */
import type { LoadedAsset } from './parseAsset.ts';

/** FBX takes are named "Armature|Take 001" or "91_48|91_48": the part after the last "|" is what people named. */
export function takeName(raw: string, i: number): string {
  const tail = raw.split('|').pop()?.trim();
  return tail || `Take ${i + 1}`;
}

export function describeAsset(a: LoadedAsset): string {
  const parts = [a.format.toUpperCase(), `${a.stats.bones} bones`, a.stats.meshes ? `${a.stats.meshes} mesh${a.stats.meshes > 1 ? 'es' : ''}` : 'no mesh'];
  parts.push(a.clips.length ? `${a.clips.length} take${a.clips.length > 1 ? 's' : ''}` : 'no animation');
  return [...parts, ...a.notes].join(' · ');
}
