/** The actions an animation will use, in clip order, with reorder and remove. */
import type { ProviderId } from '../../server/contract/api.ts';
import { actionDisplayName } from '../library/index.ts';
import { XIcon } from '../ui/icons.tsx';
import { moveAction } from './actionRequests.ts';

interface Props {
  provider: ProviderId;
  selected: readonly number[];
  max: number;
  names: ReadonlyMap<number, string>;
  onChange: (ids: number[]) => void;
}

const iconButton = 'rounded px-1 text-[11px] text-faint hover:bg-white/5 hover:text-fg disabled:opacity-30';

export function SelectedActions({ provider, selected, max, names, onChange }: Props) {
  if (selected.length === 0) {
    return <p className="text-[12px] text-faint">Tick actions in the library above.</p>;
  }
  return (
    <div>
      <p className="mb-1 text-[11px] text-muted">
        {provider === 'meshy' ? 'One file, one clip per action, in this order' : 'One clip per action, in this order'} · {selected.length}/{max}
      </p>
      <ol className="space-y-1" data-testid="selected-actions">
        {selected.map((id, i) => (
          <li key={id} data-testid="selected-action" data-action-id={id} className="flex items-center gap-1.5 rounded border border-line bg-raised px-2 py-1 text-[12px]">
            <span className="w-4 font-mono text-[10px] text-faint">{i + 1}</span>
            <span className="min-w-0 flex-1 truncate text-fg">{actionDisplayName(names.get(id) ?? `#${id}`)}</span>
            <button type="button" className={iconButton} aria-label="Move up" disabled={i === 0} onClick={() => onChange(moveAction(selected, i, -1))}>
              ↑
            </button>
            <button type="button" className={iconButton} aria-label="Move down" disabled={i === selected.length - 1} onClick={() => onChange(moveAction(selected, i, 1))}>
              ↓
            </button>
            <button type="button" className={iconButton} aria-label="Remove" onClick={() => onChange(selected.filter((x) => x !== id))}>
              <XIcon width={11} height={11} />
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
