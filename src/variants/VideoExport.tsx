/**
 * The export panel of a job whose variants are videos (a render): the videos to download as made and, with
 * more than one, a zip of them all. Motion-format chips and their options do not apply to a video.
 */
import type { Job } from '../../server/contract/api.ts';
import { jobZipUrl, variantDownloadUrl } from '../../server/contract/downloads.ts';
import { DownloadIcon } from '../ui/icons.tsx';
import { ZipLink } from './ZipLink.tsx';

export const VIDEO_FORMATS: ReadonlySet<string> = new Set(['mp4', 'webm']);

const LABEL: Record<string, string> = { mp4: 'MP4 (H.264)', webm: 'WebM (VP9)' };

export function VideoExport({
  job,
  variantIndex,
  variantFormats,
  jobFormats,
}: {
  job: Job;
  variantIndex: number;
  variantFormats: readonly string[];
  jobFormats: readonly string[];
}) {
  return (
    <div data-testid="export-panel" className="mt-3 space-y-2 rounded-md border border-line bg-sunken/60 p-2">
      <span className="text-[11px] font-semibold tracking-wider text-muted uppercase">Export video</span>
      <div className="flex flex-wrap gap-1">
        {variantFormats.length === 0 && <span className="text-[11px] text-faint">This variant has no video.</span>}
        {variantFormats.map((f) => (
          <a
            key={f}
            href={variantDownloadUrl(job.id, variantIndex, f)}
            download
            data-testid={`export-video-${f}`}
            className="group inline-flex h-7 items-center gap-1.5 rounded-md border border-line bg-raised px-2 text-[11px] text-fg transition-colors hover:border-accent/60 hover:bg-accent/10"
          >
            <DownloadIcon className="text-muted group-hover:text-accent" />
            Variant {variantIndex} {LABEL[f] ?? <span className="font-mono uppercase">.{f}</span>}
          </a>
        ))}
      </div>
      {jobFormats.length > 0 && <ZipLink href={jobZipUrl(job.id, jobFormats)} count={job.variants.length} noun="video" />}
      <p className="text-[10px] text-faint">Served from this server's cache: links keep working after provider URLs expire.</p>
    </div>
  );
}
