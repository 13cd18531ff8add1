/**
 * The selected job's family tree, from every job the cache knows (list pages and fetched details). Ancestors
 * older than the loaded list pages are fetched one by one until the root is known.
 */
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Job } from '../../server/contract/api.ts';
import { jobQuery, jobsListQuery } from '../api/queries.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { flattenJobs } from '../api/jobCache.ts';
import { indexJobs, lineageOf, lineageRows, missingAncestor } from './lineageTree.ts';
import type { LineageRow } from './lineageTree.ts';

export interface Lineage {
  rows: LineageRow[];
  /** An ancestor is still being fetched. */
  loadingAncestor: boolean;
}

export function useLineage(selected: Job | undefined): Lineage {
  const qc = useQueryClient();
  const list = useInfiniteQuery(jobsListQuery());
  const details = qc
    .getQueriesData<Job>({ queryKey: queryKeys.jobs.details() })
    .map(([, j]) => j)
    .filter((j): j is Job => !!j);
  // The selected job's own copy is the freshest (it follows the event stream).
  const index = indexJobs(selected ? [selected] : [], flattenJobs(list.data), details);
  const missing = selected ? missingAncestor(index, selected.id) : null;
  const ancestor = useQuery({ ...jobQuery(missing ?? ''), enabled: missing !== null });
  if (ancestor.data && !index.has(ancestor.data.id)) index.set(ancestor.data.id, ancestor.data);

  const root = selected ? lineageOf(index, selected.id) : null;
  return { rows: root ? lineageRows(root, selected?.id ?? null) : [], loadingAncestor: missing !== null && ancestor.isPending };
}
