/** What the job list is narrowed to: search text and filters (sent to GET /api/jobs). */
import { create } from 'zustand';
import type { JobListFilter } from '../../server/contract/jobLibrary.ts';

interface JobFilterState {
  filter: JobListFilter;
  setFilter: (patch: Partial<JobListFilter>) => void;
  clear: () => void;
}

export const useJobFilter = create<JobFilterState>()((set) => ({
  filter: {},
  setFilter: (patch) =>
    set((s) => {
      const next: Record<string, string | undefined> = { ...s.filter, ...patch };
      for (const k of Object.keys(next)) if (!next[k]) delete next[k];
      return { filter: next as JobListFilter };
    }),
  // Search and the other filters go; the open collection stays (it is where the user is working).
  clear: () => set((s) => ({ filter: s.filter.collection ? { collection: s.filter.collection } : {} })),
}));
