/**
 * The clips inside the file the viewport is playing, when it has more than one (a Meshy animation of several
 * library actions is one file with one clip per action): pick which one plays. Reads what the viewport parsed,
 * so the list is the file's real clips, and shows nothing until that file is loaded.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Variant } from '../../server/contract/api.ts';
import { subjectInfo } from '../player/index.ts';
import { useEditor } from '../state/editorStore.ts';
import { actionDisplayName } from '../library/index.ts';

export function ClipPicker({ variant }: { variant: Variant }) {
  const info = useStore(
    subjectInfo,
    useShallow((s) => ({ key: s.key, takes: s.takes, take: s.take })),
  );
  const selectTake = useEditor((s) => s.selectTake);
  const showing = info.key !== null && variant.files.some((f) => f.url === info.key);
  if (!showing || info.takes.length < 2) return null;
  return (
    <div className="mt-2.5" data-testid="clip-picker">
      <p className="mb-1 text-[11px] text-muted">
        {info.takes.length} clips in this file · playing {info.take + 1}
      </p>
      <ul className="space-y-1">
        {info.takes.map((t, i) => (
          <li key={`${t.name}-${i}`}>
            <button
              type="button"
              data-testid="clip-option"
              data-clip={t.name}
              aria-pressed={i === info.take}
              onClick={() => selectTake(i)}
              className={`flex w-full items-center gap-2 rounded border px-2 py-1 text-left text-[12px] transition-colors ${
                i === info.take ? 'border-accent bg-accent/15 text-fg' : 'border-line bg-raised text-muted hover:border-line-strong hover:text-fg'
              }`}
            >
              <span className="w-4 font-mono text-[10px] text-faint">{i + 1}</span>
              <span className="min-w-0 flex-1 truncate">{actionDisplayName(t.name)}</span>
              <span className="font-mono text-[10px] tabular-nums text-faint">{t.duration.toFixed(1)} s</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
