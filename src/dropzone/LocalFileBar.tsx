/**
 * The dropped file's chip (top left of the viewport): what the file is, which take plays, whether it is shown on
 * a character, and the way back to the selected job. Plus the reports a dropped file can need: why it was
 * refused, why it failed to load, or that it has no animation (never a silent blank canvas).
 */
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { usePlayerOptions, subjectInfo } from '../player/index.ts';
import { transport } from '../state/playhead.ts';
import { Button } from '../ui/Button.tsx';
import { formatBytes } from '../lib/format.ts';
import { localFiles, useLocalFiles } from './localFiles.ts';
import { UseAsSourceButton } from './LocalFilePanel.tsx';

function Card({ tone, title, children, testId }: { tone: 'error' | 'note'; title: string; children: ReactNode; testId: string }) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      className={`pointer-events-auto max-w-md rounded-xl border p-4 shadow-2xl shadow-black/40 backdrop-blur ${
        tone === 'error' ? 'border-red-400/30 bg-red-950/70' : 'border-line bg-panel/90'
      }`}
    >
      <p className={`font-medium ${tone === 'error' ? 'text-red-200' : 'text-fg'}`}>{title}</p>
      <div className={`mt-1 text-[12px] ${tone === 'error' ? 'text-red-200/80' : 'text-muted'}`}>{children}</div>
    </div>
  );
}

/**
 * Chip and reports for a dropped file; renders nothing while the selected job is shown and no drop failed.
 * `characterName`: the character a motion-only clip can be shown on (a dropped one, or the selected job's).
 */
export function LocalFileBar({ characterName }: { characterName: string | null }) {
  const { file, character, take, error } = useLocalFiles();
  const info = useStore(
    subjectInfo,
    useShallow((s) => ({ key: s.key, takes: s.takes, take: s.take, summary: s.summary, isCharacter: s.isCharacter, retargetedOnto: s.retargetedOnto })),
  );
  const { status, loadError } = useStore(
    transport,
    useShallow((s) => ({ status: s.status, loadError: s.error })),
  );
  const [retarget, setOptions] = usePlayerOptions(useShallow((s) => [s.retarget, s.set] as const));
  const current = file !== null && info.key === file.url;

  // A dropped rigged character without motion becomes the target for the next dropped clip.
  useEffect(() => {
    if (current && info.isCharacter && character?.url !== file?.url) localFiles.useAsCharacter();
  }, [current, info.isCharacter, character, file]);

  return (
    <>
      {file && (
        <div
          data-testid="local-file-bar"
          className="absolute top-2 left-2 z-20 flex max-w-[calc(100%-22rem)] min-w-0 items-center gap-1.5 rounded-md border border-line bg-panel/90 px-2 py-1 text-[11px] whitespace-nowrap backdrop-blur"
        >
          <span className="rounded bg-accent/20 px-1 font-mono text-[10px] font-semibold tracking-wider text-accent uppercase">{file.format}</span>
          <span className="max-w-[12rem] shrink truncate font-medium text-fg" title={`${file.name} · ${formatBytes(file.bytes)}`}>
            {file.name}
          </span>
          {current && info.summary && (
            <span data-testid="local-file-summary" className="min-w-0 shrink truncate text-faint" title={info.summary}>
              {info.summary.split(' · ').slice(1, 4).join(' · ')}
            </span>
          )}
          {current && info.takes.length > 1 && (
            <label className="flex items-center gap-1 text-muted">
              <span className="sr-only">Take</span>
              <select
                data-testid="take-select"
                value={take ?? info.take}
                onChange={(e) => localFiles.setTake(Number(e.target.value))}
                className="h-6 rounded border border-line bg-sunken px-1 font-mono text-[11px] text-fg outline-none focus:border-accent"
              >
                {info.takes.map((t, i) => (
                  <option key={`${t.name}-${i}`} value={i}>
                    {t.name} · {t.duration.toFixed(1)} s
                  </option>
                ))}
              </select>
            </label>
          )}
          {characterName && character?.url !== file.url && !info.isCharacter && (
            <label
              data-testid="retarget-label"
              data-retargeted={current && info.retargetedOnto !== null}
              className="flex items-center gap-1 text-muted"
              title="Play a skeleton-only clip (BVH, mocap FBX) on this character, matched bone by bone"
            >
              <input
                type="checkbox"
                data-testid="retarget-toggle"
                checked={retarget}
                onChange={(e) => setOptions({ retarget: e.target.checked })}
                className="accent-[var(--color-accent)]"
              />
              <span className={current && info.retargetedOnto ? 'text-accent' : ''}>on {characterName}</span>
            </label>
          )}
          {current && retarget && characterName && !info.isCharacter && info.takes.length > 0 && info.retargetedOnto === null && (
            // Never a silent stick figure: say why the clip is not on the character.
            <span data-testid="retarget-unmatched" className="text-amber-200" title="Its bone names did not match a humanoid (hips, legs, arms), so it plays as its own skeleton">
              skeleton only: bones not matched
            </span>
          )}
          {file.origin === 'drop' && <UseAsSourceButton size="xs" />}
          <button
            type="button"
            data-testid="local-file-close"
            onClick={() => localFiles.close()}
            className="ml-0.5 rounded px-1 text-muted hover:bg-white/10 hover:text-fg"
            title="Close the file and show the selected job again"
          >
            ✕
          </button>
        </div>
      )}

      <div className="pointer-events-none absolute inset-x-0 bottom-3 z-20 flex justify-center px-4">
        {error ? (
          <Card tone="error" title="Can't open that file" testId="drop-error">
            <p>{error}</p>
            <Button size="xs" variant="ghost" className="mt-2 -ml-2" onClick={() => localFiles.dismissError()}>
              Dismiss
            </Button>
          </Card>
        ) : file && status === 'error' ? (
          <Card tone="error" title={`Can't show ${file.name}`} testId="local-file-error">
            <p>{loadError}</p>
            <Button size="xs" variant="ghost" className="mt-2 -ml-2" onClick={() => localFiles.close()}>
              Close file
            </Button>
          </Card>
        ) : current && status === 'ready' && info.takes.length === 0 ? (
          <Card tone="note" title="No animation in this file" testId="local-file-no-animation">
            {info.isCharacter ? (
              <p>It is a rigged character. Drop a BVH or FBX clip and it will play on this character.</p>
            ) : (
              <p>It has no animation clips (takes), so there is nothing to play. Drop a file that contains motion.</p>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
