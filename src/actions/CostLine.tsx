/** What a job from the panel will cost on its provider (Meshy publishes per-operation prices; local is free). */
import { useQuery } from '@tanstack/react-query';
import type { JobKind, ProviderId } from '../../server/contract/api.ts';
import { providersQuery } from '../api/queries.ts';
import { estimateCost } from '../edit/index.ts';

export function CostLine({ provider, kind, actions, mode, testId }: { provider: ProviderId; kind: JobKind; actions?: number; mode?: string; testId: string }) {
  const providers = useQuery(providersQuery());
  const cost = estimateCost(
    providers.data?.find((p) => p.id === provider),
    kind,
    { ...(actions !== undefined ? { actions } : {}), ...(mode ? { mode } : {}) },
  );
  return (
    <p data-testid={testId} className={`mb-1.5 text-[11px] ${cost.affordable ? 'text-faint' : 'text-amber-200'}`}>
      {cost.text}
    </p>
  );
}
