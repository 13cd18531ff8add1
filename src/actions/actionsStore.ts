/**
 * Editor state of the "Characters & actions" panel: which tab the left column shows, the provider the
 * flow runs on, the character to rig, the rig to animate, the chosen actions (in clip order) and the
 * text-to-motion form. Jobs, characters and the library stay in TanStack Query; only ids live here.
 * Option choices survive a reload; selections and drafts do not (they name server data that may be gone).
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ProviderId } from '../../server/contract/api.ts';
import { DEFAULT_RIG_HEIGHT_METERS } from '../../server/contract/api.ts';
import type { FpsChoice, MotionMode, PostProcessChoice } from './actionRequests.ts';

export type CreateTab = 'prompt' | 'actions';
type MotionSourceChoice = 'library' | 'motion';

export interface ActionsState {
  tab: CreateTab;
  provider: ProviderId;
  /** Character to rig; null = the provider's first one. */
  characterId: string | null;
  heightMeters: string;
  /** Rig job to animate; null = the newest succeeded rig of the provider. */
  rigJobId: string | null;
  source: MotionSourceChoice;
  actionIds: number[];
  /** textToMotion job to animate with (source "motion"); null = the newest succeeded one. */
  motionJobId: string | null;
  search: string;
  category: string;
  postProcess: PostProcessChoice;
  fps: FpsChoice;
  motionPrompt: string;
  motionDurationSec: number;
  motionMode: MotionMode;
  set: (patch: Partial<Omit<ActionsState, 'set' | 'setProvider'>>) => void;
  /** Switching provider clears what belongs to the other one (its characters, rigs and action ids). */
  setProvider: (provider: ProviderId) => void;
}

export const useActions = create<ActionsState>()(
  persist(
    (set) => ({
      tab: 'prompt',
      provider: 'local',
      characterId: null,
      heightMeters: String(DEFAULT_RIG_HEIGHT_METERS),
      rigJobId: null,
      source: 'library',
      actionIds: [],
      motionJobId: null,
      search: '',
      category: '',
      postProcess: 'none',
      fps: 30,
      motionPrompt: '',
      motionDurationSec: 4,
      motionMode: 'swift',
      set: (patch) => set(patch),
      setProvider: (provider) => set((s) => (s.provider === provider ? {} : { provider, characterId: null, rigJobId: null, actionIds: [], motionJobId: null, category: '' })),
    }),
    {
      name: 'kinema.actions',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
        tab: s.tab,
        provider: s.provider,
        heightMeters: s.heightMeters,
        postProcess: s.postProcess,
        fps: s.fps,
        motionDurationSec: s.motionDurationSec,
        motionMode: s.motionMode,
      }),
    },
  ),
);
