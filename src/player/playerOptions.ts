/**
 * Viewport display toggles beyond the editor's skeleton/grid pair: the inspection aids an animator switches on
 * while judging a clip. Preferences, so they persist; none of them changes the motion data or the downloads.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface PlayerOptions {
  /** Remove the root's horizontal travel while playing (root stays over the origin). */
  inPlace: boolean;
  wireframe: boolean;
  /** The root's path over the clip, on the floor. */
  showTrail: boolean;
  /** Footprints where feet plant, and live contact rings. */
  showContacts: boolean;
  showShadow: boolean;
  /** Show a dropped motion-only clip on the current character instead of a bare skeleton. */
  retarget: boolean;
  set: (patch: Partial<Omit<PlayerOptions, 'set'>>) => void;
}

export const usePlayerOptions = create<PlayerOptions>()(
  persist(
    (set) => ({
      inPlace: false,
      wireframe: false,
      showTrail: false,
      showContacts: false,
      showShadow: true,
      retarget: true,
      set: (patch) => set(patch),
    }),
    {
      name: 'kinema.player',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ set: _set, ...prefs }) => prefs,
    },
  ),
);
