/**
 * Who renders a take: its own provider when that provider can render (SayMotion), otherwise the local
 * renderer, which needs only the GLB. Shared by every way of opening the render dialog.
 */
import { useQuery } from '@tanstack/react-query';
import type { Job, ProviderId } from '../../server/contract/api.ts';
import { providersQuery } from '../api/queries.ts';

export function useRenderProvider(job: Job | undefined): ProviderId {
  const providers = useQuery(providersQuery());
  const own = providers.data?.find((p) => p.id === job?.provider);
  return own?.configured && own.capabilities.includes('render') ? own.id : 'local';
}
