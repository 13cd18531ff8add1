/**
 * The job list's filters, applied in the browser too: a job that changes (a live event, a star, a rename) is added
 * to or dropped from each cached filtered list without refetching it. Mirrors JobStore.list on the server.
 */
import type { Job } from '../../server/contract/api.ts';
import type { JobListFilter } from '../../server/contract/jobLibrary.ts';
import { NO_COLLECTION } from '../../server/contract/jobLibrary.ts';

export function matchesFilter(job: Job, f: JobListFilter): boolean {
  if (f.q) {
    const prompt = typeof job.request.prompt === 'string' ? job.request.prompt : '';
    if (!`${job.title ?? ''}\n${prompt}`.toLowerCase().includes(f.q.trim().toLowerCase())) return false;
  }
  if (f.provider && job.provider !== f.provider) return false;
  if (f.kind && job.kind !== f.kind) return false;
  if (f.status && job.status !== f.status) return false;
  if (f.starred && job.starred !== (f.starred === 'true')) return false;
  if (f.character) {
    const id = typeof job.request.characterId === 'string' ? job.request.characterId : null;
    if (!(id === f.character || (id === null && f.character === 'mannequin'))) return false;
  }
  if (f.parent && job.parentJobId !== f.parent) return false;
  if (f.collection && job.collectionId !== (f.collection === NO_COLLECTION ? null : f.collection)) return false;
  return true;
}

/** The filter a cached list was fetched with, read back from its query key. */
export function filterOfListKey(key: readonly unknown[]): JobListFilter {
  const { pageSize: _pageSize, ...filter } = (key[2] ?? {}) as Record<string, string> & { pageSize?: number };
  return filter as JobListFilter;
}

export function isFiltered(f: JobListFilter): boolean {
  return Object.values(f).some((v) => v !== undefined && v !== '');
}
