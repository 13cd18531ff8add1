import type { Character } from '../contract/api.ts';

/** The local engine's built-in character; other providers read its id as "no character chosen". */
export const MANNEQUIN: Character = { id: 'mannequin', name: 'Kinema mannequin', provider: 'local' };
