/**
 * Editor state: what the server does not know. Selection, the composer form and viewport toggles.
 * Server data (jobs, providers, characters) stays in TanStack Query and is never copied in here.
 *
 * One store made of slices; middleware (persist) is applied once, at the root. Persisted per key:
 * composer options and viewport toggles survive a reload; the prompt draft and the selection do not
 * (the selection is restored from the URL instead).
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { StateCreator } from 'zustand';
import { DEFAULT_COMPOSER } from './composerFields.ts';
import type { ComposerFields } from './composerFields.ts';
import { parseSelection } from './urlSelection.ts';

export interface SelectionSlice {
  selectedJobId: string | null;
  /** 1-based variant index; null = the job's first variant. */
  selectedVariant: number | null;
  /**
   * Take (clip) of the selected variant's file to play; null = the file's default take. One file can hold
   * several clips (a Meshy animation of several library actions is one file with one clip per action).
   */
  selectedTake: number | null;
  selectJob: (jobId: string | null, variant?: number | null) => void;
  selectVariant: (variant: number) => void;
  selectTake: (take: number | null) => void;
}

export interface ComposerSlice {
  composer: ComposerFields;
  setComposer: (patch: Partial<ComposerFields>) => void;
  resetComposer: () => void;
}

export interface ViewSlice {
  showSkeleton: boolean;
  showGrid: boolean;
  setView: (patch: Partial<Pick<ViewSlice, 'showSkeleton' | 'showGrid'>>) => void;
}

export type EditorState = SelectionSlice & ComposerSlice & ViewSlice;

type Slice<T> = StateCreator<EditorState, [['zustand/persist', unknown]], [], T>;

function initialSelection(): Pick<SelectionSlice, 'selectedJobId' | 'selectedVariant'> {
  const sel = typeof window === 'undefined' ? { jobId: null, variant: null } : parseSelection(window.location.search);
  return { selectedJobId: sel.jobId, selectedVariant: sel.variant };
}

const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  ...initialSelection(),
  selectedTake: null,
  selectJob: (jobId, variant = null) => set({ selectedJobId: jobId, selectedVariant: jobId ? variant : null, selectedTake: null }),
  selectVariant: (variant) => set({ selectedVariant: variant, selectedTake: null }),
  selectTake: (take) => set({ selectedTake: take }),
});

const createComposerSlice: Slice<ComposerSlice> = (set) => ({
  composer: DEFAULT_COMPOSER,
  setComposer: (patch) => set((s) => ({ composer: { ...s.composer, ...patch } })),
  resetComposer: () => set({ composer: DEFAULT_COMPOSER }),
});

const createViewSlice: Slice<ViewSlice> = (set) => ({
  showSkeleton: false,
  showGrid: true,
  setView: (patch) => set(patch),
});

export const useEditor = create<EditorState>()(
  persist(
    (...a) => ({
      ...createSelectionSlice(...a),
      ...createComposerSlice(...a),
      ...createViewSlice(...a),
    }),
    {
      name: 'kinema.editor',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => {
        const { prompt: _draft, ...options } = s.composer;
        return { composer: options, showSkeleton: s.showSkeleton, showGrid: s.showGrid };
      },
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<EditorState>;
        return {
          ...current,
          showSkeleton: p.showSkeleton ?? current.showSkeleton,
          showGrid: p.showGrid ?? current.showGrid,
          composer: { ...current.composer, ...p.composer, prompt: current.composer.prompt },
        };
      },
    },
  ),
);
