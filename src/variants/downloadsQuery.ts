/**
 * What a finished job offers for download (GET /api/jobs/:id/downloads): files as made, and which variants can be
 * converted (fps, in place, skin). Keyed under the job's detail key, so invalidating the job refreshes it too.
 */
import { queryOptions } from '@tanstack/react-query';
import { ApiError } from '../../server/contract/api.ts';
import { DownloadAvailability } from '../../server/contract/downloads.ts';
import type { DownloadAvailability as Availability } from '../../server/contract/downloads.ts';
import { ApiRequestError } from '../api/client.ts';
import { queryKeys } from '../api/queryKeys.ts';

async function fetchAvailability(jobId: string, signal: AbortSignal): Promise<Availability> {
  const res = await fetch(`/api/jobs/${encodeURIComponent(jobId)}/downloads`, { headers: { Accept: 'application/json' }, signal });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ApiError.safeParse(body);
    throw new ApiRequestError(
      err.success
        ? { status: res.status, ...err.data.error }
        : { status: res.status, code: `http_${res.status}`, message: `Download options could not be loaded (HTTP ${res.status}).` },
    );
  }
  return DownloadAvailability.parse(body);
}

export const downloadsQuery = (jobId: string) =>
  queryOptions({
    queryKey: [...queryKeys.jobs.detail(jobId), 'downloads'] as const,
    queryFn: ({ signal }) => fetchAvailability(jobId, signal),
    // A finished job's files never change.
    staleTime: Infinity,
  });
