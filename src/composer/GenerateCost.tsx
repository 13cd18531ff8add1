/** The provider's balance and what Generate will cost, shown before submitting (where the provider says). */
import { useQuery } from '@tanstack/react-query';
import { providersQuery } from '../api/queries.ts';
import { estimateCost } from '../edit/index.ts';
import { useEditor } from '../state/editorStore.ts';

export function GenerateCost() {
  const provider = useEditor((s) => s.composer.provider);
  const providers = useQuery(providersQuery());
  const cost = estimateCost(
    providers.data?.find((p) => p.id === provider),
    'text2motion',
  );
  return (
    <p data-testid="generate-cost" className={`mb-1.5 text-[11px] ${cost.affordable ? 'text-faint' : 'text-amber-200'}`}>
      {cost.text}
    </p>
  );
}
