import { describe, expect, it } from 'vitest';
import { failureAdvice, jobPrompt, progressLabel, resultSummary } from './jobText.ts';

describe('progressLabel', () => {
  it('prefers the server stage', () => {
    expect(progressLabel({ status: 'running', stage: 'variant 2/4: synthesising', queuePosition: null, progress: 40 })).toBe('variant 2/4: synthesising');
  });
  it('shows the queue position', () => {
    expect(progressLabel({ status: 'queued', stage: null, queuePosition: 2, progress: 0 })).toBe('Queued · 2 ahead');
    expect(progressLabel({ status: 'queued', stage: null, queuePosition: null, progress: 0 })).toBe('Queued');
  });
});

describe('resultSummary', () => {
  const v = (index: number, durationSec: number) => ({ index, durationSec, files: [] });
  it('summarises variants', () => {
    expect(resultSummary({ variants: [v(1, 4), v(2, 4)] })).toBe('2 variants · 4.0 s');
    expect(resultSummary({ variants: [v(1, 3.5), v(2, 4.2)] })).toBe('2 variants · 3.5–4.2 s');
    expect(resultSummary({ variants: [v(1, 2)] })).toBe('1 variant · 2.0 s');
    expect(resultSummary({ variants: [] })).toBe('No variants');
  });
});

describe('jobPrompt', () => {
  it('falls back for promptless edits', () => {
    expect(jobPrompt({ request: { prompt: 'wave' }, kind: 'text2motion' })).toBe('wave');
    expect(jobPrompt({ request: {}, kind: 'merge' })).toBe('(merge without a prompt)');
    expect(jobPrompt({ request: { reps: 3, variant: 2 }, kind: 'loop' })).toBe('Loop ×3 of variant 2');
    expect(jobPrompt({ request: { variant: 1 }, kind: 'render' })).toBe('Video of variant 1');
    expect(jobPrompt({ request: { fileName: 'walk.bvh' }, kind: 'import' })).toBe('Imported walk.bvh');
  });
});

describe('failureAdvice', () => {
  it('always says what to do', () => {
    for (const code of ['provider_not_configured', 'rate_limited', 'weird_code', 'insufficient_credits']) {
      expect(failureAdvice(code).length).toBeGreaterThan(10);
    }
  });

  it('points rig and animate failures at the character or the job they build on, not at a prompt', () => {
    for (const code of ['not_humanoid', 'unsupported_character', 'character_missing']) expect(failureAdvice(code)).toMatch(/humanoid character/);
    expect(failureAdvice('parent_unsupported')).toMatch(/builds on/);
    expect(failureAdvice('results_expired')).toMatch(/expired/);
    expect(failureAdvice('prompt_refused')).toMatch(/Rephrase/);
  });
});
