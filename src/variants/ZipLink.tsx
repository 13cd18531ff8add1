/** The "All N … (.zip)" download of every variant of a job, shared by the motion and the video export panels. */
import { DownloadIcon } from '../ui/icons.tsx';

export function ZipLink({ href, count, noun }: { href: string; count: number; noun: string }) {
  return (
    <a
      href={href}
      download
      data-testid="export-zip"
      className="group flex h-8 items-center justify-center gap-1.5 rounded-md bg-accent px-2 text-[12px] font-medium text-white transition-colors hover:bg-accent-strong"
    >
      <DownloadIcon />
      All {count} {noun}
      {count === 1 ? '' : 's'} (.zip)
    </a>
  );
}
