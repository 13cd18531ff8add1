/**
 * Toolbar button: records the viewport canvas it sits next to (MediaRecorder) and downloads the take when
 * pressed again. Finds the canvas inside the nearest `[data-testid="viewport"]` unless given `getCanvas`.
 */
import { useEffect, useRef, useState } from 'react';
import { notify } from '../state/notices.ts';
import { recordingFileName, startCanvasRecording } from './recordCanvas.ts';
import type { CanvasRecording } from './recordCanvas.ts';

/** Recordings are held in memory until they stop; cap a forgotten one. */
const MAX_SECONDS = 120;

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // After the click has handed the blob to the download; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function RecordViewportButton({ getCanvas }: { getCanvas?: () => HTMLCanvasElement | null }) {
  const button = useRef<HTMLButtonElement>(null);
  const recording = useRef<CanvasRecording | null>(null);
  const [elapsed, setElapsed] = useState<number | null>(null);

  const stop = async () => {
    const r = recording.current;
    recording.current = null;
    setElapsed(null);
    if (!r) return;
    try {
      const blob = await r.stop();
      download(blob, recordingFileName(r.mimeType, new Date()));
    } catch (err) {
      notify({ tone: 'error', title: 'The recording failed', detail: (err as Error).message });
    }
  };

  const start = () => {
    const canvas = getCanvas ? getCanvas() : (button.current?.closest('[data-testid="viewport"]')?.querySelector('canvas') ?? null);
    if (!canvas) {
      notify({ tone: 'error', title: 'Nothing to record', detail: 'Open a clip in the viewport first.' });
      return;
    }
    try {
      recording.current = startCanvasRecording(canvas);
      setElapsed(0);
    } catch (err) {
      notify({ tone: 'error', title: 'Cannot record the viewport', detail: (err as Error).message });
    }
  };

  useEffect(() => {
    if (elapsed === null) return;
    if (elapsed >= MAX_SECONDS) {
      void stop();
      return;
    }
    const t = setTimeout(() => setElapsed((s) => (s === null ? null : s + 1)), 1000);
    return () => clearTimeout(t);
  }, [elapsed]);

  // Leaving the page section mid-take: stop the recorder and drop the take.
  useEffect(() => () => void recording.current?.stop(), []);

  const active = elapsed !== null;
  const label = active ? `Stop recording and download (${elapsed} s)` : 'Record viewport (what you see, in real time)';
  return (
    <button
      ref={button}
      type="button"
      title={label}
      aria-label={label}
      aria-pressed={active}
      data-testid="record-viewport"
      data-recording={active ? 'true' : 'false'}
      onClick={() => (active ? void stop() : start())}
      // Keep focus off toolbar buttons so Space stays play/pause.
      onMouseDown={(e) => e.preventDefault()}
      className={`flex h-7 min-w-7 items-center justify-center gap-1 rounded-md px-1 transition-colors ${active ? 'bg-red-500/20 text-red-300' : 'text-muted hover:bg-white/8 hover:text-fg'}`}
    >
      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden className={active ? 'animate-pulse' : ''}>
        {active ? <rect x="3" y="3" width="8" height="8" rx="1.5" fill="currentColor" /> : <circle cx="7" cy="7" r="4.5" fill="currentColor" />}
      </svg>
      {active && <span className="font-mono text-[10px] tabular-nums">{elapsed}s</span>}
    </button>
  );
}
