/**
 * queryOptions per resource: key, fetcher and freshness kept together, reused by hooks and by setQueryData.
 * Jobs are pushed by the /api/events stream, so their queries never go stale on a timer.
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';
import type { LibraryFilter } from './client.ts';
import { queryKeys } from './queryKeys.ts';
import type { JobListFilter } from '../../server/contract/jobLibrary.ts';

const JOB_PAGE_SIZE = 30;

export const healthQuery = () =>
  queryOptions({
    queryKey: queryKeys.health(),
    queryFn: ({ signal }) => api.health(signal),
    staleTime: 30_000,
    // While the server is down, keep checking so the banner clears by itself when it comes back.
    refetchInterval: (q) => (q.state.status === 'error' ? 5_000 : 60_000),
    retry: false,
  });

export const providersQuery = () =>
  queryOptions({
    queryKey: queryKeys.providers(),
    queryFn: ({ signal }) => api.providers(signal),
    staleTime: 60_000,
  });

export const charactersQuery = (provider: string) =>
  queryOptions({
    queryKey: queryKeys.characters(provider),
    queryFn: ({ signal }) => api.characters(provider, signal),
    staleTime: 5 * 60_000,
  });

/** Action libraries change rarely (the server caches Meshy's for an hour); a filter is one cached answer each. */
export const libraryQuery = (provider: string, filter: LibraryFilter = {}) =>
  queryOptions({
    queryKey: queryKeys.library(provider, filter),
    queryFn: ({ signal }) => api.library(provider, filter, signal),
    staleTime: 10 * 60_000,
    retry: 1,
  });

/** The job list, optionally searched and filtered on the server (GET /api/jobs?q=…&status=…). */
export const jobsListQuery = (filter: JobListFilter = {}) =>
  infiniteQueryOptions({
    queryKey: queryKeys.jobs.list(JOB_PAGE_SIZE, filter),
    queryFn: ({ pageParam, signal }) => api.jobs({ limit: JOB_PAGE_SIZE, cursor: pageParam, filter }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: Infinity,
  });

export const jobQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.jobs.detail(id),
    queryFn: ({ signal }) => api.job(id, signal),
    staleTime: Infinity,
    // A 404 will not fix itself; other errors get the default retries.
    retry: (count, err) => !(err && 'status' in err && (err as { status: number }).status === 404) && count < 2,
  });

export const collectionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.collections(),
    queryFn: ({ signal }) => api.collections(signal),
    staleTime: 60_000,
  });
