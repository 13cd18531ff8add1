/**
 * Plays a render job's video in place of the 3D preview (a render variant has MP4/WebM files and no GLB).
 * For the viewport to mount when the selected variant is a rendered video: `hasRenderVideo(variant)`.
 */
import type { Variant } from '../../server/contract/api.ts';

export function renderVideoUrl(variant: Variant | undefined): string | null {
  // WebM first: it is the one that can carry transparency, which the page background then shows.
  const file = variant?.files.find((f) => f.format === 'webm') ?? variant?.files.find((f) => f.format === 'mp4');
  return file?.url ?? null;
}

export function hasRenderVideo(variant: Variant | undefined): boolean {
  return renderVideoUrl(variant) !== null && !variant?.files.some((f) => f.format === 'glb');
}

export function RenderVideoPreview({ variant }: { variant: Variant }) {
  const url = renderVideoUrl(variant);
  if (!url) return null;
  return (
    <div className="absolute inset-0 grid place-items-center bg-[repeating-conic-gradient(#1a1d22_0_25%,#14161a_0_50%)] bg-[length:24px_24px]">
      <video key={url} src={url} data-testid="render-video-preview" controls loop autoPlay muted playsInline className="max-h-full max-w-full" />
    </div>
  );
}
