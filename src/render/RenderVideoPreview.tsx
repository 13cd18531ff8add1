/**
 * Plays a render job's video in place of the 3D preview (a render variant has MP4/WebM files and no GLB).
 * For the viewport to mount when the selected variant is a rendered video: `hasRenderVideo(variant)`.
 * The video follows the studio's transport like a 3D take: play/pause, speed, frame steps and scrubbing on the
 * timeline all drive it (renders carry a keyframe every half second, so seeks land quickly).
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { Variant } from '../../server/contract/api.ts';
import { playhead, transport } from '../state/playhead.ts';

/** The local renderer writes 30 fps unless the request said otherwise; frame steps use it. */
const RENDER_FPS = 30;

function renderVideoUrl(variant: Variant | undefined): string | null {
  // WebM first: it is the one that can carry transparency, which the page background then shows.
  const file = variant?.files.find((f) => f.format === 'webm') ?? variant?.files.find((f) => f.format === 'mp4');
  return file?.url ?? null;
}

export function hasRenderVideo(variant: Variant | undefined): boolean {
  return renderVideoUrl(variant) !== null && !variant?.files.some((f) => f.format === 'glb');
}

/** Binds a <video> to the transport: the video's clock drives the playhead while playing, the playhead seeks it while paused. */
function useTransportVideo(ref: RefObject<HTMLVideoElement | null>, url: string) {
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    let fromVideo = false;
    let raf = 0;
    const onMeta = () => {
      playhead.beginLoad();
      playhead.loaded({ duration: v.duration, fps: RENDER_FPS, clipName: 'render', autoplay: true });
    };
    const apply = () => {
      const s = transport.getState();
      v.playbackRate = s.speed;
      v.loop = s.mode !== 'once';
      if (s.playing && v.paused) void v.play().catch(() => playhead.pause());
      if (!s.playing && !v.paused) v.pause();
    };
    const follow = () => {
      if (!v.paused) {
        fromVideo = true;
        playhead.seek(v.currentTime);
        fromVideo = false;
      }
      raf = requestAnimationFrame(follow);
    };
    const unsubTransport = transport.subscribe(apply);
    const unsubTime = playhead.subscribe((t) => {
      if (!fromVideo && v.paused && Math.abs(v.currentTime - t) > 1e-3) v.currentTime = t;
    });
    const onEnded = () => playhead.pause();
    v.addEventListener('loadedmetadata', onMeta);
    v.addEventListener('ended', onEnded);
    if (v.readyState >= 1) onMeta();
    raf = requestAnimationFrame(follow);
    return () => {
      cancelAnimationFrame(raf);
      unsubTransport();
      unsubTime();
      v.removeEventListener('loadedmetadata', onMeta);
      v.removeEventListener('ended', onEnded);
      playhead.clear();
    };
  }, [ref, url]);
}

export function RenderVideoPreview({ variant }: { variant: Variant }) {
  const url = renderVideoUrl(variant);
  const ref = useRef<HTMLVideoElement>(null);
  useTransportVideo(ref, url ?? '');
  if (!url) return null;
  return (
    <div className="absolute inset-0 grid place-items-center bg-[repeating-conic-gradient(#1a1d22_0_25%,#14161a_0_50%)] bg-[length:24px_24px]">
      <video ref={ref} key={url} src={url} data-testid="render-video-preview" muted playsInline preload="auto" className="max-h-full max-w-full" />
    </div>
  );
}
