/**
 * Editor state for edits: the open edit dialog, its form values, and the inpaint ranges drawn on the lane.
 * Ranges belong to one take (`clipKey`); selecting another take clears them (useEditEffects), because a
 * range on one take means nothing on another. Nothing here persists: a half-made edit is not a preference.
 */
import { create } from 'zustand';
import type { EditAction } from './editGates.ts';
import { DEFAULT_FORMS } from './editForms.ts';
import type { EditForms } from './editForms.ts';
import { MAX_RANGES, addRange, moveEdge, removeRange } from './ranges.ts';
import type { TimeRange } from './ranges.ts';

export interface EditState {
  /** The open edit dialog, or null. */
  tool: EditAction | null;
  forms: EditForms;
  ranges: TimeRange[];
  /** In-point set with I, waiting for O. */
  markIn: number | null;
  /** `${jobId}#${variant}` the ranges were drawn on. */
  clipKey: string | null;

  open: (tool: EditAction) => void;
  close: () => void;
  patchForm: <A extends keyof EditForms>(tool: A, patch: Partial<EditForms[A]>) => void;
  resetForm: (tool: keyof EditForms) => void;
  addRange: (r: TimeRange) => void;
  removeRange: (index: number) => void;
  moveRangeEdge: (index: number, edge: 'start' | 'end', t: number, fps: number, duration: number) => void;
  clearRanges: () => void;
  setMarkIn: (t: number | null) => void;
  /** The selected take changed: forget ranges and marks made on another one. */
  bindClip: (key: string | null) => void;
}

export const useEdit = create<EditState>()((set, get) => ({
  tool: null,
  forms: DEFAULT_FORMS,
  ranges: [],
  markIn: null,
  clipKey: null,

  open: (tool) => set({ tool }),
  close: () => set({ tool: null }),
  patchForm: (tool, patch) => set((s) => ({ forms: { ...s.forms, [tool]: { ...s.forms[tool], ...patch } } })),
  resetForm: (tool) => set((s) => ({ forms: { ...s.forms, [tool]: DEFAULT_FORMS[tool] } })),
  addRange: (r) => {
    const next = addRange(get().ranges, r);
    // The API takes at most MAX_RANGES intervals; beyond that the oldest drag is not silently dropped, the new one is refused.
    if (next.length <= MAX_RANGES) set({ ranges: next, markIn: null });
  },
  removeRange: (index) => set((s) => ({ ranges: removeRange(s.ranges, index) })),
  moveRangeEdge: (index, edge, t, fps, duration) => set((s) => ({ ranges: moveEdge(s.ranges, index, edge, t, fps, duration) })),
  clearRanges: () => set({ ranges: [], markIn: null }),
  setMarkIn: (t) => set({ markIn: t }),
  bindClip: (key) => {
    if (get().clipKey === key) return;
    set({ clipKey: key, ranges: [], markIn: null, tool: get().tool === 'inpaint' ? null : get().tool });
  },
}));
