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
    list: (pageSize: number) => ['jobs', 'list', { pageSize }] as const,
    details: () => ['jobs', 'detail'] as const,
    detail: (id: string) => ['jobs', 'detail', id] as const,
  },
};
