/**
 * Names for ids in action jobs: library actions of the job's provider and uploaded characters. Both come from
 * cached queries (one request per provider, shared by every card); until they load, titles show ids.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ProviderId } from '../../server/contract/api.ts';
import { charactersQuery, libraryQuery, providersQuery } from '../api/queries.ts';
import type { ActionLookups } from './actionJobText.ts';

export function useActionLookups(provider: ProviderId, needs: { actions: boolean; characters: boolean }): ActionLookups {
  const providers = useQuery(providersQuery());
  // Only ask for a library the provider can serve: an unconfigured Meshy answers 400.
  const canList = providers.data?.some((p) => p.id === provider && p.configured && p.capabilities.includes('library')) ?? false;
  const library = useQuery({ ...libraryQuery(provider), enabled: needs.actions && canList });
  // Uploaded characters are listed with the local provider, whichever provider rigged them.
  const characters = useQuery({ ...charactersQuery('local'), enabled: needs.characters });
  return useMemo(() => {
    const actions = new Map((library.data ?? []).map((e) => [e.id, e.name]));
    const people = new Map((characters.data ?? []).map((c) => [c.id, c.name]));
    return {
      actionName: (p, id) => (p === provider ? actions.get(id) : undefined),
      characterName: (id) => people.get(id),
    };
  }, [library.data, characters.data, provider]);
}
