/**
 * Downloads of the selected variant: its files as made (format and size on each), then the export options
 * (formats, fps, in place, skin) for this variant or the whole job as a zip.
 */
import type { Variant, VariantFile } from '../../server/contract/api.ts';
import { useSelectedJob } from '../state/useSelectedJob.ts';
import { formatBytes } from '../lib/format.ts';
import { DownloadIcon } from '../ui/icons.tsx';
import { ExportPanel } from './ExportPanel.tsx';

const FORMAT_HINT: Partial<Record<VariantFile['format'], string>> = {
  glb: 'Mesh, skin and clip',
  fbx: 'Mesh, skin and clip for Blender, Maya, UE, Unity',
  bvh: 'Skeleton motion only',
  mp4: 'Rendered video',
  webm: 'Rendered video (WebM)',
  usdz: 'Apple AR Quick Look',
  zip: 'Archive',
};

export function Downloads({ variant }: { variant: Variant }) {
  const { job } = useSelectedJob();
  return (
    <>
      {variant.files.length === 0 ? <p className="text-[12px] text-faint">No files for this variant.</p> : <FileList variant={variant} />}
      {job && <ExportPanel job={job} variantIndex={variant.index} />}
    </>
  );
}

function FileList({ variant }: { variant: Variant }) {
  return (
    <ul className="space-y-1">
      {variant.files.map((f) => (
        <li key={`${f.format}-${f.url}`}>
          <a
            href={f.url}
            download
            data-testid={`download-${f.format}`}
            className="group flex items-center gap-2.5 rounded-md border border-line bg-raised px-2 py-1.5 transition-colors hover:border-accent/60 hover:bg-accent/10"
          >
            <span className="w-10 rounded bg-white/6 py-0.5 text-center font-mono text-[10px] font-semibold tracking-wider text-fg uppercase">{f.format}</span>
            {/* Size under the hint, not beside it: in a narrow right panel "made on download" left the hint one letter wide. */}
            <span className="min-w-0 flex-1">
              <span className="block truncate text-[11px] text-muted">{FORMAT_HINT[f.format] ?? f.format.toUpperCase()}</span>
              <span className="block font-mono text-[10px] tabular-nums text-faint">{f.bytes === null ? 'made on download' : formatBytes(f.bytes)}</span>
            </span>
            <DownloadIcon className="text-muted group-hover:text-accent" />
          </a>
        </li>
      ))}
    </ul>
  );
}
