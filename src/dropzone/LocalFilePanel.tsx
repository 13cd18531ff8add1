/**
 * The right panel while a dropped file is open: which file it is, and "Use as source" to make it a take. The
 * previous job's inspector is not shown, so nothing suggests the file is part of that job.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { describeError } from '../api/client.ts';
import { formatBytes } from '../lib/format.ts';
import { subjectInfo } from '../player/index.ts';
import { Button } from '../ui/Button.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { localFiles } from './localFiles.ts';
import type { LocalFile } from './localFiles.ts';
import { useImportLocalFile } from './useImportLocalFile.ts';
import { SettingsList } from '../ui/SettingsList.tsx';

export function UseAsSourceButton({ size = 'md' }: { size?: 'xs' | 'md' }) {
  const { blocker, mutation, run } = useImportLocalFile();
  return (
    <Button
      variant="primary"
      size={size}
      className={size === 'md' ? 'w-full' : ''}
      data-testid={size === 'md' ? 'use-as-source' : 'use-as-source-chip'}
      disabled={blocker !== null || mutation.isPending}
      title={blocker ?? 'Make this clip a take in your job list: inpaint, merge, loop, render and every export then work on it'}
      onClick={run}
    >
      {mutation.isPending ? <Spinner size={12} /> : null}
      {mutation.isPending ? 'Importing…' : 'Use as source'}
    </Button>
  );
}

export function LocalFilePanel({ file }: { file: LocalFile }) {
  const info = useStore(
    subjectInfo,
    useShallow((s) => ({ key: s.key, summary: s.summary, takes: s.takes, isCharacter: s.isCharacter })),
  );
  const { blocker, mutation } = useImportLocalFile();
  const current = info.key === file.url;
  return (
    <section data-testid="local-file-panel" className="space-y-3 p-3" aria-labelledby="local-file-title">
      <h2 id="local-file-title" className="panel-title">
        {file.origin === 'character' ? 'Character preview' : 'Dropped file'}
      </h2>
      <SettingsList>
        <dt className="text-faint">File</dt>
        <dd className="truncate font-medium text-fg" title={file.name}>
          {file.name}
        </dd>
        <dt className="text-faint">Format</dt>
        <dd className="font-mono uppercase">{file.format}</dd>
        <dt className="text-faint">Size</dt>
        <dd>{formatBytes(file.bytes)}</dd>
        {current && (
          <>
            <dt className="text-faint">Takes</dt>
            <dd>{info.takes.length === 0 ? 'none' : info.takes.map((t) => `${t.name} (${t.duration.toFixed(1)} s)`).join(', ')}</dd>
          </>
        )}
      </SettingsList>
      {current && info.summary && <p className="text-[11px] text-faint">{info.summary}</p>}
      {file.origin === 'character' ? (
        <p className="text-[12px] text-muted">
          Your uploaded character, as its file has it. Motions play on it when a job uses it: pick it as the character in the composer, or rig it here and add actions.
        </p>
      ) : (
        <>
          <p className="text-[12px] text-muted">
            This file is only previewed: it is not a take yet, so editing, rendering and the job’s downloads are hidden. Use it as a source to make it a take on the studio’s rig;
            inpaint, merge, loop, render and every export then work on it.
          </p>
          <UseAsSourceButton />
          {blocker && current && <p className="text-[11px] text-amber-200">{blocker}</p>}
        </>
      )}
      {mutation.error ? (
        <p role="alert" data-testid="use-as-source-error" className="rounded-md border border-red-500/30 bg-red-500/10 px-2.5 py-2 text-[12px] text-red-200">
          {describeError(mutation.error)}
        </p>
      ) : null}
      <Button variant="ghost" size="sm" onClick={() => localFiles.close()} data-testid="local-file-back">
        Back to the selected job
      </Button>
    </section>
  );
}
