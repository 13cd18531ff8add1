import { beforeEach, describe, expect, it } from 'vitest';
import { playhead, transport } from './playhead.ts';

beforeEach(() => playhead.reset());

describe('playhead', () => {
  it('does nothing until a clip is loaded', () => {
    playhead.play();
    expect(transport.getState().playing).toBe(false);
    playhead.seek(2);
    expect(playhead.time).toBe(0);
  });

  it('advances by wall time scaled by speed, without React', () => {
    playhead.loaded({ duration: 4, fps: 30, clipName: 'walk' });
    const seen: number[] = [];
    playhead.subscribe((t) => seen.push(t));
    playhead.setSpeed(2);
    playhead.play();
    expect(playhead.tick(1000)).toBe(true); // first tick only records the start
    expect(playhead.time).toBe(0);
    playhead.tick(1100);
    expect(playhead.time).toBeCloseTo(0.2, 9);
    expect(seen.at(-1)).toBeCloseTo(0.2, 9);
  });

  it('caps a long gap between ticks', () => {
    playhead.loaded({ duration: 4, fps: 30, clipName: null });
    playhead.play();
    playhead.tick(0);
    playhead.tick(10_000);
    expect(playhead.time).toBeCloseTo(0.25, 9);
  });

  it('stops at the end of a one-shot clip and restarts on play', () => {
    playhead.loaded({ duration: 1, fps: 30, clipName: null });
    playhead.setLoop(false);
    playhead.seek(0.9);
    playhead.play();
    playhead.tick(0);
    expect(playhead.tick(200)).toBe(false);
    expect(playhead.time).toBe(1);
    expect(transport.getState().playing).toBe(false);
    playhead.play();
    expect(playhead.time).toBe(0);
  });

  it('steps whole frames and pauses', () => {
    playhead.loaded({ duration: 2, fps: 30, clipName: null });
    playhead.play();
    playhead.step(3);
    expect(transport.getState().playing).toBe(false);
    expect(playhead.time).toBeCloseTo(0.1, 9);
    playhead.step(-10);
    expect(playhead.time).toBe(0);
  });

  it('requests a render when seeking while paused', () => {
    let renders = 0;
    playhead.setRenderRequest(() => renders++);
    playhead.loaded({ duration: 2, fps: 30, clipName: null });
    const before = renders;
    playhead.seek(1);
    expect(renders).toBe(before + 1);
  });

  it('autoplays a fresh clip only when asked', () => {
    playhead.loaded({ duration: 2, fps: 30, clipName: null, autoplay: true });
    expect(transport.getState().playing).toBe(true);
    playhead.loaded({ duration: 2, fps: 30, clipName: null });
    expect(transport.getState().playing).toBe(false);
  });

  it('clears on a new load', () => {
    playhead.loaded({ duration: 2, fps: 30, clipName: 'a' });
    playhead.seek(1);
    playhead.beginLoad();
    expect(transport.getState()).toMatchObject({ status: 'loading', duration: 0, clipName: null });
    expect(playhead.time).toBe(0);
  });

  it('keeps the moment when switching to another variant', () => {
    playhead.loaded({ duration: 4, fps: 30, clipName: 'v1' });
    playhead.seek(2.5);
    playhead.play();
    playhead.beginLoad({ keepTime: true });
    expect(transport.getState().status).toBe('loading');
    playhead.loaded({ duration: 2, fps: 30, clipName: 'v2' });
    expect(playhead.time).toBe(2); // clamped to the shorter clip
    expect(transport.getState().playing).toBe(true);
    playhead.beginLoad();
    playhead.loaded({ duration: 4, fps: 30, clipName: 'other job' });
    expect(playhead.time).toBe(0);
    expect(transport.getState().playing).toBe(false);
  });

  it('ping-pongs inside the in/out range and keeps the range for a compared take', () => {
    playhead.loaded({ duration: 4, fps: 30, clipName: 'a' });
    playhead.seek(1);
    playhead.markIn();
    playhead.seek(2);
    playhead.markOut();
    expect(transport.getState().range).toEqual({ start: 1, end: 2 });
    playhead.setMode('pingpong');
    playhead.seek(1.9);
    playhead.play();
    playhead.tick(0);
    playhead.tick(200); // 1.9 + 0.2 → bounces off 2 back to 1.9
    expect(playhead.time).toBeCloseTo(1.9, 9);
    playhead.tick(400);
    expect(playhead.time).toBeCloseTo(1.7, 9);
    playhead.beginLoad({ keepTime: true });
    playhead.loaded({ duration: 3, fps: 30, clipName: 'b' });
    expect(transport.getState().range).toEqual({ start: 1, end: 2 });
    playhead.beginLoad();
    playhead.loaded({ duration: 3, fps: 30, clipName: 'other job' });
    expect(transport.getState().range).toBeNull();
  });

  it('play starts from the in point when the playhead is outside the range', () => {
    playhead.loaded({ duration: 4, fps: 30, clipName: null });
    playhead.setRange({ start: 2, end: 3 });
    playhead.seek(0.5);
    playhead.play();
    expect(playhead.time).toBe(2);
  });

  it('cycles loop → once → ping-pong and clamps speed', () => {
    expect(transport.getState().mode).toBe('loop');
    playhead.cycleMode();
    expect(transport.getState()).toMatchObject({ mode: 'once', loop: false });
    playhead.cycleMode();
    expect(transport.getState()).toMatchObject({ mode: 'pingpong', loop: true });
    playhead.setSpeed(10);
    expect(transport.getState().speed).toBe(8);
    playhead.setSpeed(0.05);
    expect(transport.getState().speed).toBe(0.1);
  });

  it('a second tick with the same timestamp adds nothing (several canvases, one clock)', () => {
    playhead.loaded({ duration: 4, fps: 30, clipName: null });
    playhead.play();
    playhead.tick(1000);
    playhead.tick(1100);
    playhead.tick(1100);
    expect(playhead.time).toBeCloseTo(0.1, 9);
  });
});
