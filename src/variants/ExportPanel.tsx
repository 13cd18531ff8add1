/**
 * The export dialog animators know from Mixamo and Uthana, inline: formats, a target-tool preset, frame rate,
 * root motion (on the hips, on a root bone, in place), axis locks, mirror, keyframe reduction, a trim range and
 * with/without skin, for the selected variant or for every variant of the job as one zip. Conversions run on the
 * server from the take's motion data and are cached there; provider-made variants offer their files as made.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Job } from '../../server/contract/api.ts';
import { CONVERTIBLE_FORMATS, DOWNLOAD_FPS, EXPORT_PRESETS, jobZipUrl, LOCK_AXES, variantDownloadUrl } from '../../server/contract/downloads.ts';
import type { ConvertibleFormat, DownloadOptions, ExportPreset, LockAxis, RootMotionMode } from '../../server/contract/downloads.ts';
import { describeError } from '../api/client.ts';
import { DownloadIcon } from '../ui/icons.tsx';
import { downloadsQuery } from './downloadsQuery.ts';
import { VIDEO_FORMATS, VideoExport } from './VideoExport.tsx';
import { ZipLink } from './ZipLink.tsx';

const SELECT = 'h-6 rounded border border-line bg-sunken px-1 font-mono text-[11px] text-fg outline-none focus:border-accent disabled:text-faint';
/** Selects fill their grid cell and may shrink, so the panel never runs past the right edge of a narrow sidebar. */
const WIDE_SELECT = `${SELECT} w-full min-w-0`;

const PRESET_LABELS: Record<ExportPreset, string> = {
  unreal: 'Unreal (root bone, Z up, cm)',
  unity: 'Unity (Y up, humanoid names)',
  blender: 'Blender (Y up, metres)',
  godot: 'Godot (root bone, Y up)',
};

function Chip({ on, onClick, children, testId, disabled }: { on: boolean; onClick: () => void; children: ReactNode; testId: string; disabled?: boolean }) {
  return (
    <button
      type="button"
      aria-pressed={on}
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
      className={`h-6 rounded border px-2 font-mono text-[10px] font-semibold tracking-wider uppercase transition-colors disabled:cursor-not-allowed disabled:opacity-40 ${
        on ? 'border-accent/70 bg-accent/15 text-fg' : 'border-line text-muted hover:border-line-strong hover:text-fg'
      }`}
    >
      {children}
    </button>
  );
}

function Check({
  label,
  checked,
  onChange,
  testId,
  disabled,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  testId: string;
  disabled?: boolean;
  hint: string;
}) {
  return (
    <label className={`flex items-center gap-1.5 text-[12px] ${disabled ? 'text-faint' : 'text-muted'}`} title={hint}>
      <input type="checkbox" data-testid={testId} checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} className="accent-[var(--color-accent)]" />
      {label}
    </label>
  );
}

export function ExportPanel({ job, variantIndex }: { job: Job; variantIndex: number }) {
  const avail = useQuery({ ...downloadsQuery(job.id), enabled: job.status === 'succeeded' });
  const [formats, setFormats] = useState<ConvertibleFormat[]>(['glb', 'fbx']);
  const [fps, setFps] = useState<number | undefined>(undefined);
  const [rootMotion, setRootMotion] = useState<RootMotionMode | undefined>(undefined);
  const [skin, setSkin] = useState(true);
  const [preset, setPreset] = useState<ExportPreset | undefined>(undefined);
  const [lock, setLock] = useState<LockAxis[]>([]);
  const [mirror, setMirror] = useState(false);
  const [reduce, setReduce] = useState(0);
  const [trimStart, setTrimStart] = useState('');
  const [trimEnd, setTrimEnd] = useState('');

  if (job.status !== 'succeeded') return null;
  if (avail.isPending) return <p className="text-[11px] text-faint">Loading export options…</p>;
  if (avail.isError) return <p className="text-[11px] text-amber-300">Export options unavailable: {describeError(avail.error)}</p>;

  const v = avail.data.variants.find((x) => x.index === variantIndex);
  const convertible = new Set(v?.convertible ?? []);
  const anyConvertible = avail.data.variants.some((x) => x.convertible.length > 0);
  const seconds = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Math.max(0, Number(text)));
  const opts: DownloadOptions = { fps, skin, rootMotion, preset, lock, mirror, reduce, trimStart: seconds(trimStart), trimEnd: seconds(trimEnd) };
  const chosen = formats.filter((f) => convertible.has(f) || (v?.native as readonly string[] | undefined)?.includes(f));
  const toggle = (f: ConvertibleFormat) => setFormats((cur) => (cur.includes(f) ? cur.filter((x) => x !== f) : [...cur, f]));
  const sourceFps = v?.fps ? `${v.fps} (as made)` : 'As made';
  // A job with no motion data to convert (a render: MP4/WebM) zips the files it has as made; with nothing at
  // all to zip the button is not offered (the server would answer nothing_to_download).
  const nativeFormats = [...new Set(avail.data.variants.flatMap((x) => x.native))];
  const zipFormats: readonly string[] = anyConvertible ? (formats.length ? formats : ['glb']) : nativeFormats;
  // A render's variants are videos: offer those, not motion formats that no render has.
  if (!anyConvertible && nativeFormats.length > 0 && nativeFormats.every((f) => VIDEO_FORMATS.has(f))) {
    return <VideoExport job={job} variantIndex={variantIndex} variantFormats={v?.native ?? []} jobFormats={nativeFormats} />;
  }

  return (
    <div data-testid="export-panel" className="mt-3 space-y-2 rounded-md border border-line bg-sunken/60 p-2">
      <div className="flex flex-wrap items-center justify-between gap-1">
        <span className="text-[11px] font-semibold tracking-wider text-muted uppercase">Export</span>
        <div className="flex flex-wrap gap-1">
          {CONVERTIBLE_FORMATS.map((f) => (
            <Chip key={f} on={formats.includes(f)} onClick={() => toggle(f)} testId={`export-format-${f}`}>
              {f}
            </Chip>
          ))}
        </div>
      </div>

      <div className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-2 gap-y-1.5">
        <label htmlFor="export-fps" className="text-[12px] text-faint">
          Frame rate
        </label>
        <select
          id="export-fps"
          data-testid="export-fps"
          value={fps ?? ''}
          disabled={!anyConvertible}
          onChange={(e) => setFps(e.target.value ? Number(e.target.value) : undefined)}
          className={WIDE_SELECT}
        >
          <option value="">{sourceFps}</option>
          {DOWNLOAD_FPS.map((r) => (
            <option key={r} value={r}>
              {r} fps
            </option>
          ))}
        </select>
        <label htmlFor="export-preset" className="text-[12px] text-faint">
          Preset
        </label>
        <select
          id="export-preset"
          data-testid="export-preset"
          value={preset ?? ''}
          disabled={!anyConvertible}
          onChange={(e) => setPreset((e.target.value || undefined) as ExportPreset | undefined)}
          className={WIDE_SELECT}
        >
          <option value="">None (Y up, metres)</option>
          {EXPORT_PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </select>
        <label htmlFor="export-root" className="text-[12px] text-faint">
          Root motion
        </label>
        <select
          id="export-root"
          data-testid="export-root-motion"
          value={rootMotion ?? ''}
          disabled={!anyConvertible}
          onChange={(e) => setRootMotion((e.target.value || undefined) as RootMotionMode | undefined)}
          className={WIDE_SELECT}
        >
          <option value="">{preset ? 'As the preset' : 'On the hips (as made)'}</option>
          <option value="hips">On the hips</option>
          <option value="root">Root bone (travel extracted)</option>
          <option value="inPlace">In place (sway kept)</option>
        </select>
        <label htmlFor="export-reduce" className="text-[12px] text-faint">
          Keyframes
        </label>
        <select
          id="export-reduce"
          data-testid="export-reduce"
          value={reduce}
          disabled={!anyConvertible}
          onChange={(e) => setReduce(Number(e.target.value))}
          className={WIDE_SELECT}
        >
          <option value={0}>Every frame</option>
          <option value={0.0005}>Reduced (tolerance 0.0005)</option>
          <option value={0.002}>Strongly reduced (0.002)</option>
        </select>
        <span className="text-[12px] text-faint">Trim (s)</span>
        <div className="flex min-w-0 items-center gap-1">
          <input
            data-testid="export-trim-start"
            inputMode="decimal"
            placeholder="start"
            value={trimStart}
            disabled={!anyConvertible}
            onChange={(e) => setTrimStart(e.target.value)}
            className={`${SELECT} w-16 min-w-0 flex-1`}
          />
          <span className="text-faint">–</span>
          <input
            data-testid="export-trim-end"
            inputMode="decimal"
            placeholder="end"
            value={trimEnd}
            disabled={!anyConvertible}
            onChange={(e) => setTrimEnd(e.target.value)}
            className={`${SELECT} w-16 min-w-0 flex-1`}
          />
        </div>
        <span className="text-[12px] text-faint">Lock</span>
        <div className="flex gap-1">
          {LOCK_AXES.map((a) => (
            <Chip
              key={a}
              on={lock.includes(a)}
              disabled={!anyConvertible}
              testId={`export-lock-${a}`}
              onClick={() => setLock((cur) => (cur.includes(a) ? cur.filter((x) => x !== a) : [...cur, a]))}
            >
              {a}
            </Chip>
          ))}
        </div>
        <span />
        <div className="flex flex-wrap gap-3">
          <Check label="Mirror" testId="export-mirror" checked={mirror} onChange={setMirror} disabled={!anyConvertible} hint="Swap left and right" />
          <Check
            label="With skin"
            testId="export-skin"
            checked={skin}
            onChange={setSkin}
            disabled={!anyConvertible}
            hint="Off: armature and animation only, to apply to your own character (BVH never has a skin)"
          />
        </div>
      </div>

      {opts.trimStart !== undefined && opts.trimEnd !== undefined && opts.trimEnd <= opts.trimStart && (
        <p data-testid="export-trim-problem" className="text-[11px] text-amber-300">
          The trim end must be later than its start.
        </p>
      )}
      {v?.note && <p className="text-[11px] text-amber-200/80">{v.note}</p>}

      <div className="flex flex-wrap gap-1">
        {chosen.length === 0 && <span className="text-[11px] text-faint">Pick a format above.</span>}
        {chosen.map((f) => (
          <a
            key={f}
            href={variantDownloadUrl(job.id, variantIndex, f, convertible.has(f) ? opts : {})}
            download
            data-testid={`export-variant-${f}`}
            className="group inline-flex h-7 items-center gap-1.5 rounded-md border border-line bg-raised px-2 text-[11px] text-fg transition-colors hover:border-accent/60 hover:bg-accent/10"
          >
            <DownloadIcon className="text-muted group-hover:text-accent" />
            Variant {variantIndex} <span className="font-mono uppercase">.{f}</span>
          </a>
        ))}
      </div>
      {zipFormats.length > 0 && <ZipLink href={jobZipUrl(job.id, zipFormats, anyConvertible ? opts : {})} count={job.variants.length} noun="variant" />}
      <p className="text-[10px] text-faint">Served from this server's cache: links keep working after provider URLs expire.</p>
    </div>
  );
}
