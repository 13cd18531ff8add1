/**
 * Which stage the centre shows: the single viewport, all takes of the job in a grid, or an A/B comparison
 * of the selected take against its parent (split side by side, or toggled in place). Editor state, restored
 * from the URL (viewParams.ts) so a shared link reopens the same comparison.
 */
import { create } from 'zustand';
import { DEFAULT_VIEW, parseViewParams } from './viewParams.ts';
import type { StageView, TakeRef, ViewParams } from './viewParams.ts';

export interface StageViewState extends ViewParams {
  setView: (view: StageView) => void;
  /** Toggle mode: flip between the parent (A) and the selected take (B). */
  flip: () => void;
  setShow: (show: 'child' | 'parent') => void;
  compareAgainst: (take: TakeRef | null, view?: 'split' | 'toggle') => void;
  restore: (p: ViewParams) => void;
}

const initial: ViewParams = typeof window === 'undefined' ? DEFAULT_VIEW : parseViewParams(window.location.search);

export const useStageView = create<StageViewState>()((set) => ({
  ...initial,
  setView: (view) => set((s) => ({ view, show: view === 'toggle' ? s.show : 'child', against: view === 'split' || view === 'toggle' ? s.against : null })),
  flip: () => set((s) => ({ show: s.show === 'child' ? 'parent' : 'child' })),
  setShow: (show) => set({ show }),
  compareAgainst: (take, view) => set((s) => ({ against: take, view: view ?? (s.view === 'toggle' ? 'toggle' : 'split'), show: 'child' })),
  restore: (p) => set(p),
}));
