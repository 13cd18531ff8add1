/** The job waiting for delete confirmation (one dialog for the whole list, so scrolling cannot unmount it). */
import { create } from 'zustand';
import type { Job } from '../../server/contract/api.ts';

interface DeleteJobState {
  job: Job | null;
  ask: (job: Job) => void;
  close: () => void;
}

export const useDeleteJobPrompt = create<DeleteJobState>()((set) => ({
  job: null,
  ask: (job) => set({ job }),
  close: () => set({ job: null }),
}));
