/**
 * Query keys, broad to narrow, so one prefix invalidates a whole family
 * (e.g. `queryKeys.jobs.all()` covers every list page and every detail).
 */
export const queryKeys = {
  health: () => ['health'] as const,
  providers: () => ['providers'] as const,
  characters: (provider: string) => ['characters', provider] as const,
  library: (provider: string, filter: { search?: string | undefined; category?: string | undefined } = {}) =>
    ['library', provider, { search: filter.search ?? '', category: filter.category ?? '' }] as const,
  jobs: {
    all: () => ['jobs'] as const,
    lists: () => ['jobs', 'list'] as const,
    /** Filters with empty values are left out, so the unfiltered list keeps one key however it was asked for. */
    list: (pageSize: number, filter: Record<string, string | undefined> = {}) =>
      ['jobs', 'list', { pageSize, ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) }] as const,
    details: () => ['jobs', 'detail'] as const,
    detail: (id: string) => ['jobs', 'detail', id] as const,
  },
  collections: () => ['collections'] as const,
};
