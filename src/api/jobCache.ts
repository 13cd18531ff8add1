/**
 * Pure reducers that fold one Job (from the event stream or a mutation) into the cached job list.
 * The list is newest first and paged; a job is updated where it is, or inserted at its place by createdAt
 * when it falls inside the loaded range. Older updates never overwrite newer ones (events can race a fetch).
 */
import type { InfiniteData } from '@tanstack/react-query';
import type { Job, JobList } from '../../server/contract/api.ts';

export type JobPages = InfiniteData<JobList>;

/** True when `incoming` should replace `current` (same job, not older). */
export function isNewer(incoming: Job, current: Job): boolean {
  return Date.parse(incoming.updatedAt) >= Date.parse(current.updatedAt);
}

export function upsertJob(data: JobPages | undefined, job: Job): JobPages | undefined {
  if (!data) return data;

  // 1. Already listed: replace in place.
  for (let p = 0; p < data.pages.length; p++) {
    const page = data.pages[p]!;
    const i = page.items.findIndex((j) => j.id === job.id);
    if (i === -1) continue;
    if (!isNewer(job, page.items[i]!)) return data;
    const items = page.items.slice();
    items[i] = job;
    const pages = data.pages.slice();
    pages[p] = { ...page, items };
    return { ...data, pages };
  }

  // 2. Not listed: insert by createdAt (desc) if it belongs inside what is loaded. A job older than the last
  //    loaded item while more pages exist will show up when those pages are fetched.
  const created = Date.parse(job.createdAt);
  const pages = data.pages.slice();
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p]!;
    const at = page.items.findIndex((j) => Date.parse(j.createdAt) < created);
    if (at !== -1) {
      const items = page.items.slice();
      items.splice(at, 0, job);
      pages[p] = { ...page, items };
      return { ...data, pages };
    }
  }
  const last = pages.length - 1;
  if (last < 0) return data;
  const tail = pages[last]!;
  if (tail.nextCursor !== null && tail.items.length > 0) return data;
  pages[last] = { ...tail, items: [...tail.items, job] };
  return { ...data, pages };
}

/** Drops a job from every loaded page (deleted, or no longer matching the list's filter). */
export function removeJobs(data: JobPages | undefined, ids: ReadonlySet<string>): JobPages | undefined {
  if (!data || !data.pages.some((p) => p.items.some((j) => ids.has(j.id)))) return data;
  return { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((j) => !ids.has(j.id)) })) };
}

/** Flatten pages, dropping duplicates that paging can produce when new jobs shift the cursor window. */
export function flattenJobs(data: JobPages | undefined): Job[] {
  if (!data) return [];
  const seen = new Set<string>();
  const out: Job[] = [];
  for (const page of data.pages) {
    for (const job of page.items) {
      if (seen.has(job.id)) continue;
      seen.add(job.id);
      out.push(job);
    }
  }
  return out;
}

export function findJob(data: JobPages | undefined, id: string): Job | undefined {
  if (!data) return undefined;
  for (const page of data.pages) {
    const job = page.items.find((j) => j.id === id);
    if (job) return job;
  }
  return undefined;
}
