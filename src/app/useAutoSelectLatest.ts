/** With nothing selected (no ?job= in the URL), open the newest job once the list has loaded. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { jobsListQuery } from '../api/queries.ts';
import { flattenJobs } from '../api/jobCache.ts';
import { useEditor } from '../state/editorStore.ts';

export function useAutoSelectLatest(): void {
  const list = useInfiniteQuery(jobsListQuery());
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !list.isSuccess) return;
    done.current = true;
    const { selectedJobId, selectJob } = useEditor.getState();
    const newest = flattenJobs(list.data)[0];
    if (!selectedJobId && newest) selectJob(newest.id);
  }, [list.isSuccess, list.data]);
}
