import type { QueryClient } from '@tanstack/react-query';
import { removeJobsFromCache } from '../api/applyJob.ts';
import { useEditor } from './editorStore.ts';

/**
 * Forgets deleted jobs everywhere: every list, their details, and the selection if it was one of them (the
 * deletion may come from this tab or, through the event stream, from another).
 */
export function forgetJobs(qc: QueryClient, ids: readonly string[]): void {
  const gone = new Set(ids);
  const { selectedJobId, selectJob } = useEditor.getState();
  if (selectedJobId && gone.has(selectedJobId)) selectJob(null);
  removeJobsFromCache(qc, ids);
}
