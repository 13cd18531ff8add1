/**
 * "Record viewport": MediaRecorder on a canvas's captureStream, so the file is exactly what the user saw
 * (camera moves, overlays drawn in the canvas, playback speed), at the cost of real-time capture.
 * The server render (RenderDialog) is the frame-exact alternative.
 */

/** Preferred first: MP4 opens everywhere; WebM is what every Chromium can record. */
const RECORDER_TYPES = ['video/mp4;codecs=avc1', 'video/mp4', 'video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'] as const;

export function pickRecorderType(isTypeSupported: (type: string) => boolean): string | null {
  return RECORDER_TYPES.find((t) => isTypeSupported(t)) ?? null;
}

export function recordingFileName(mimeType: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `kinema-viewport-${stamp}.${mimeType.startsWith('video/mp4') ? 'mp4' : 'webm'}`;
}

export interface CanvasRecording {
  readonly mimeType: string;
  /** Ends the recording and resolves with the whole file. */
  stop(): Promise<Blob>;
}

class RecordingUnsupportedError extends Error {}

export function startCanvasRecording(canvas: HTMLCanvasElement, fps = 30): CanvasRecording {
  if (typeof MediaRecorder === 'undefined' || typeof canvas.captureStream !== 'function') {
    throw new RecordingUnsupportedError('This browser cannot record a canvas (no MediaRecorder). Use "Render video" instead.');
  }
  const mimeType = pickRecorderType((t) => MediaRecorder.isTypeSupported(t));
  if (!mimeType) throw new RecordingUnsupportedError('This browser can record neither MP4 nor WebM. Use "Render video" instead.');
  const stream = canvas.captureStream(fps);
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 8_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  const stopped = new Promise<Blob>((resolve, reject) => {
    recorder.onstop = () => {
      for (const track of stream.getTracks()) track.stop();
      resolve(new Blob(chunks, { type: mimeType }));
    };
    recorder.onerror = () => reject(new Error('The recording failed in the browser.'));
  });
  // Timesliced, so a long take is collected as it goes rather than in one buffer at the end.
  recorder.start(500);
  return {
    mimeType,
    stop() {
      if (recorder.state !== 'inactive') recorder.stop();
      return stopped;
    },
  };
}
