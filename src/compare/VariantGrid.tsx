/** Every variant of the selected job side by side, playing in sync; pick one to continue editing it. */
import { useSelectedJob, useSelectedVariant } from '../state/useSelectedJob.ts';
import { useEditor } from '../state/editorStore.ts';
import { Button } from '../ui/Button.tsx';
import type { GridClip } from '../viewport/index.ts';
import { LazyClipGrid } from '../viewport/index.ts';
import { StageMessage } from './StageMessage.tsx';
import { useStageView } from '../state/stageView.ts';
import { glbUrl } from './useCompareTakes.ts';

export function VariantGrid() {
  const { job } = useSelectedJob();
  const selected = useSelectedVariant(job);
  const selectVariant = useEditor((s) => s.selectVariant);
  const setView = useStageView((s) => s.setView);

  if (!job) return <StageMessage>Select a job to see its variants side by side.</StageMessage>;
  if (job.status !== 'succeeded') {
    return <StageMessage pending={job.status === 'queued' || job.status === 'running'}>The variants appear here when the job has finished.</StageMessage>;
  }
  const clips: GridClip[] = job.variants.flatMap((v) => {
    const url = glbUrl(v);
    return url ? [{ key: `v${v.index}`, url, label: `Variant ${v.index} · ${v.durationSec.toFixed(1)} s` }] : [];
  });
  if (clips.length === 0) return <StageMessage>This job has no variants with a GLB to show.</StageMessage>;

  const pick = (index: number) => {
    selectVariant(index);
    setView('single');
  };

  return (
    <LazyClipGrid
      clips={clips}
      selectedKey={selected ? `v${selected.index}` : null}
      onSelect={(key) => pick(Number(key.slice(1)))}
      overlay={(clip) => {
        const index = Number(clip.key.slice(1));
        const isSelected = selected?.index === index;
        return (
          <div className="absolute right-2 bottom-2 z-10 flex items-center gap-1.5">
            {isSelected && <span className="rounded bg-accent/20 px-1.5 py-0.5 text-[10px] font-semibold text-accent">current</span>}
            <Button
              size="xs"
              variant={isSelected ? 'primary' : 'secondary'}
              data-testid="grid-pick"
              data-variant={index}
              onClick={() => pick(index)}
              title={`Continue with variant ${index} (key ${index})`}
            >
              Use variant {index}
            </Button>
          </div>
        );
      }}
    />
  );
}
