/**
 * "Characters & actions": rig a character, animate it with library actions or a text-to-motion clip, and make
 * such clips. Which providers and steps appear follows GET /api/providers (capabilities rig, animate,
 * textToMotion); results land in the job list, viewport, lineage and downloads like every other job.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProviderInfo } from '../../server/contract/api.ts';
import { describeError } from '../api/client.ts';
import { providersQuery } from '../api/queries.ts';
import { RigStep } from './RigStep.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { useActions } from './actionsStore.ts';
import { AnimateStep } from './AnimateStep.tsx';
import { TextToMotionStep } from './TextToMotionStep.tsx';

const FLOW_CAPS = ['rig', 'animate', 'textToMotion'] as const;

function runsActionFlow(p: ProviderInfo): boolean {
  return p.configured && FLOW_CAPS.some((c) => p.capabilities.includes(c));
}

export function ActionsPanel() {
  const providers = useQuery(providersQuery());
  const { provider, setProvider } = useActions(useShallow((s) => ({ provider: s.provider, setProvider: s.setProvider })));
  const usable = (providers.data ?? []).filter(runsActionFlow);
  const missing = (providers.data ?? []).filter((p) => !p.configured);
  const current = usable.find((p) => p.id === provider);

  // A remembered provider that is no longer configured falls back to the first that can run the flow.
  useEffect(() => {
    if (providers.data && !current && usable[0]) setProvider(usable[0].id);
  }, [providers.data, current, usable, setProvider]);

  if (providers.isPending) {
    return (
      <div className="flex items-center gap-2 py-3 text-[12px] text-faint">
        <Spinner size={12} /> Loading providers…
      </div>
    );
  }
  if (providers.isError) {
    return (
      <p role="alert" className="py-3 text-[12px] text-amber-200">
        Couldn’t load providers: {describeError(providers.error)}{' '}
        <button type="button" className="underline" onClick={() => void providers.refetch()}>
          Retry
        </button>
      </p>
    );
  }
  if (!current) return <p className="py-3 text-[12px] text-faint">No provider on this server can rig or animate characters.</p>;

  return (
    <div className="space-y-4 pb-4" data-testid="actions-panel" data-provider={current.id}>
      <div>
        <span className="field-label">Provider</span>
        <div role="radiogroup" aria-label="Provider" className="flex gap-1">
          {usable.map((p) => (
            <button
              key={p.id}
              type="button"
              role="radio"
              aria-checked={p.id === current.id}
              data-testid={`actions-provider-${p.id}`}
              onClick={() => setProvider(p.id)}
              className={`flex-1 rounded-md border px-2 py-1.5 text-left text-[12px] transition-colors ${
                p.id === current.id ? 'border-accent bg-accent/10 text-fg' : 'border-line bg-raised text-muted hover:border-line-strong hover:text-fg'
              }`}
            >
              {p.id === 'local' ? 'Local engine' : p.name}
              <span className="block text-[10px] text-faint">{p.credits !== null ? `${p.credits} credits` : p.id === 'local' ? 'free, offline' : 'credits unknown'}</span>
            </button>
          ))}
        </div>
        {missing.length > 0 && (
          <p className="mt-1 text-[11px] text-faint">Not configured on this server: {missing.map((p) => p.name).join(', ')} (API keys go in the server’s .env).</p>
        )}
      </div>

      {current.capabilities.includes('rig') && <RigStep provider={current.id} />}
      {current.capabilities.includes('animate') && <AnimateStep provider={current} />}
      {current.capabilities.includes('textToMotion') && <TextToMotionStep provider={current} />}
    </div>
  );
}
