/**
 * Which side panels are open. Docked beside the stage from 1024 px up; narrower windows show them as drawers over
 * the stage, closed at first so the stage and the transport keep the whole width.
 */
import { create } from 'zustand';

const DOCK_MIN_WIDTH = 1024;

interface LayoutState {
  leftOpen: boolean;
  rightOpen: boolean;
  toggleLeft: () => void;
  toggleRight: () => void;
  /** Drawers close when a choice in them is made on a narrow window; docked panels stay. */
  closeDrawers: () => void;
}

const wide = () => typeof window === 'undefined' || window.innerWidth >= DOCK_MIN_WIDTH;

export const useLayout = create<LayoutState>()((set) => ({
  leftOpen: wide(),
  rightOpen: wide(),
  toggleLeft: () => set((s) => ({ leftOpen: !s.leftOpen, ...(wide() ? {} : { rightOpen: false }) })),
  toggleRight: () => set((s) => ({ rightOpen: !s.rightOpen, ...(wide() ? {} : { leftOpen: false }) })),
  closeDrawers: () => {
    if (!wide()) set({ leftOpen: false, rightOpen: false });
  },
}));
