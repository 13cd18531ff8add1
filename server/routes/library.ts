/**
 * `GET /api/library?provider=local|meshy&search=&category=&subCategory=`: the provider's action
 * library in one shape for every provider, searched case-insensitively by name, key, category and
 * sub-category. Providers hand over their whole catalog (Meshy's is cached); filtering happens here.
 * Local entries also carry the prompt each action is synthesised from.
 */
import { Hono } from 'hono';
import { ProviderId, type LibraryEntry } from '../contract/api.ts';
import { HttpError } from '../http/errors.ts';
import { localAction } from '../providers/local/actionLibrary.ts';
import { ProviderError, type Provider } from '../providers/provider.ts';
import { requireProvider } from './requireProvider.ts';

/** A provider with an action library. */
export interface LibrarySource {
  library(): Promise<LibraryEntry[]>;
}

function hasLibrary(p: Provider): p is Provider & LibrarySource {
  return p.capabilities().includes('library') && typeof (p as Partial<LibrarySource>).library === 'function';
}

interface LibraryQuery {
  search?: string;
  category?: string;
  subCategory?: string;
}

function filterLibrary<T extends LibraryEntry>(entries: readonly T[], q: LibraryQuery): T[] {
  const needle = q.search?.trim().toLowerCase() ?? '';
  const category = q.category?.trim().toLowerCase() ?? '';
  const sub = q.subCategory?.trim().toLowerCase() ?? '';
  return entries.filter(
    (e) =>
      (!category || e.category.toLowerCase() === category) &&
      (!sub || e.subCategory.toLowerCase() === sub) &&
      (!needle || [e.name, e.key, e.category, e.subCategory].some((f) => f.toLowerCase().includes(needle))),
  );
}

const MAX_QUERY = 100;

function queryParam(value: string | undefined, field: string): string | undefined {
  if (value !== undefined && value.length > MAX_QUERY) throw new HttpError(400, 'validation_error', `${field} is too long: keep it under ${MAX_QUERY} characters.`, field);
  return value;
}

export function libraryRoutes(s: { readonly providers: ReadonlyMap<ProviderId, Provider> }) {
  return new Hono().get('/library', async (c) => {
    const raw = c.req.query('provider') ?? 'local';
    const id = ProviderId.safeParse(raw);
    if (!id.success) throw new HttpError(400, 'validation_error', `provider must be one of: ${ProviderId.options.join(', ')}`, 'provider');
    const provider = requireProvider(s, id.data);
    if (!hasLibrary(provider)) throw new HttpError(400, 'unsupported_operation', `${provider.name} has no action library; use provider "local" or "meshy".`, 'provider');
    const query: LibraryQuery = {
      search: queryParam(c.req.query('search'), 'search'),
      category: queryParam(c.req.query('category'), 'category'),
      subCategory: queryParam(c.req.query('subCategory'), 'subCategory'),
    };
    let entries: LibraryEntry[];
    try {
      entries = await provider.library();
    } catch (err) {
      // The provider could not load its catalog (network, upstream outage): a gateway failure, with its reason.
      if (err instanceof ProviderError) throw new HttpError(err.retryable ? 503 : 502, err.code, err.message);
      throw err;
    }
    // A local action is a prompt for the engine; the studio shows that prompt as the action's description.
    if (id.data === 'local') entries = entries.map((e) => ({ ...e, prompt: localAction(e.id)?.prompt }));
    return c.json(filterLibrary(entries, query));
  });
}
