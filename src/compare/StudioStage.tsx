/** The centre stage: the single viewport, the variant grid, or the A/B compare, as the stage view says. */
import { ViewportPanel } from '../viewport/index.ts';
import { CompareView } from './CompareView.tsx';
import { useStageView } from '../state/stageView.ts';
import { VariantGrid } from './VariantGrid.tsx';

export function StudioStage() {
  const view = useStageView((s) => s.view);
  if (view === 'grid') return <VariantGrid />;
  if (view === 'split' || view === 'toggle') return <CompareView />;
  return <ViewportPanel />;
}
