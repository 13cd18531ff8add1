/**
 * An uploaded character as the API lists it. Used by the characters routes and by providers that run on uploaded
 * characters (Meshy), so it lives here rather than in a route.
 */
import type { Character } from '../contract/api.ts';
import type { CharacterMeta } from './characterStore.ts';

/** Where the studio downloads an uploaded character's model (the route in routes/characterUploads.ts). */
function characterModelUrl(id: string): string {
  return `/api/characters/${id}/model`;
}

export function toCharacter(meta: CharacterMeta, provider: Character['provider']): Character {
  return { id: meta.id, name: meta.name, provider, modelUrl: characterModelUrl(meta.id) };
}
