/** Whether the keyboard-shortcut help is open (the ? key and the stage bar's ? button both toggle it). */
import { create } from 'zustand';

export const useHelp = create<{ open: boolean; setOpen: (open: boolean) => void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
