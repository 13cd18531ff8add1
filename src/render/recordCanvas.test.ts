import { describe, expect, it } from 'vitest';
import { pickRecorderType, recordingFileName } from './recordCanvas.ts';

describe('viewport recording', () => {
  it('prefers MP4, falls back to WebM, and reports when neither works', () => {
    expect(pickRecorderType(() => true)).toBe('video/mp4;codecs=avc1');
    expect(pickRecorderType((t) => t.startsWith('video/webm'))).toBe('video/webm;codecs=vp9');
    expect(pickRecorderType((t) => t === 'video/webm')).toBe('video/webm');
    expect(pickRecorderType(() => false)).toBeNull();
  });

  it('names the file by time, with the extension of what was recorded', () => {
    const at = new Date(2026, 0, 2, 3, 4, 5);
    expect(recordingFileName('video/webm;codecs=vp9', at)).toBe('kinema-viewport-20260102-030405.webm');
    expect(recordingFileName('video/mp4;codecs=avc1', at)).toBe('kinema-viewport-20260102-030405.mp4');
  });
});
