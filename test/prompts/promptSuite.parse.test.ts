/**
 * The prompt suite against the prompt reader: each prompt's planned sequence must equal its `expect`.
 * A misread is a planned action that is not the expected one in its position (including an extra step);
 * a miss (a step not planned) only lowers the pass rate. Required: ≥ 95 % pass, 0 misreads.
 */
import { describe, expect, test } from 'vitest';
import { isActionId } from '../../server/engine/actions/actionIds.ts';
import { parsePrompt } from '../../server/engine/prompt/parse.ts';
import { PROMPT_SUITE } from './promptSuite.ts';

export function plannedSequence(prompt: string): string[] {
  return parsePrompt(prompt).steps.map((s) => [s.action, ...s.with.map((w) => w.action)].join('+'));
}

describe('prompt suite: planned action sequences', () => {
  test('the suite is large, balanced and names only vocabulary ids', () => {
    expect(PROMPT_SUITE.length).toBeGreaterThanOrEqual(320);
    for (const style of ['command', 'caption', 'animator', 'paraphrase'] as const) {
      expect(PROMPT_SUITE.filter((p) => p.style === style).length, style).toBeGreaterThanOrEqual(40);
    }
    const prompts = PROMPT_SUITE.map((p) => p.prompt.toLowerCase());
    expect(new Set(prompts).size, 'duplicate prompts').toBe(prompts.length);
    for (const p of PROMPT_SUITE) for (const e of p.expect) for (const id of e.split('+')) expect(isActionId(id), `${p.prompt}: ${id}`).toBe(true);
  });

  test('physical facts that follow from the words are written down for every prompt of that action', () => {
    // One planned action whose words imply a measurable fact: the suite must state it (the motion checker enforces it).
    const REQUIRED: Record<string, keyof NonNullable<(typeof PROMPT_SUITE)[number]['physics']>> = {
      cartwheel: 'inverted',
      backflip: 'inverted',
      somersault: 'inverted',
      handstand: 'inverted',
      aerial: 'inverted',
      forwardRoll: 'inverted',
      backwardRoll: 'inverted',
      stairsUp: 'heightGain',
      climbLadder: 'heightGain',
      stepUp: 'heightGain',
      stairsDown: 'heightLoss',
      stepDown: 'heightLoss',
      runInPlace: 'inPlace',
      walkInPlace: 'inPlace',
      pickUp: 'handBelowKnee',
      drink: 'handNearHead',
      phoneCall: 'handNearHead',
      clap: 'handsWithin',
      pray: 'handsWithin',
      jump: 'airborneFrames',
      leap: 'airborneFrames',
      longJump: 'airborneFrames',
      lieDown: 'hipsBelow',
      sitFloor: 'hipsBelow',
      sitUps: 'hipsBelow',
      commandoCrawl: 'hipsBelow',
      lieOnBack: 'hipsBelow',
      lieOnSide: 'hipsBelow',
      sitCrossLegged: 'hipsBelow',
      pushUps: 'hipsBelow',
    };
    // Climbing down a ladder loses height instead.
    const required = (p: (typeof PROMPT_SUITE)[number]) => (p.expect[0] === 'climbLadder' && /\bdown\b/.test(p.prompt) ? 'heightLoss' : REQUIRED[p.expect[0]!]);
    const missing = PROMPT_SUITE.filter((p) => p.expect.length === 1 && required(p) && p.physics?.[required(p)!] === undefined).map(
      (p) => `${p.prompt} (${p.expect[0]}: ${required(p)})`,
    );
    expect(missing).toEqual([]);
  });

  test('≥ 95 % of prompts plan the expected sequence, with no misread', () => {
    const misreads: string[] = [];
    const misses: string[] = [];
    for (const p of PROMPT_SUITE) {
      const got = plannedSequence(p.prompt);
      const wrong = got.some((g, i) => g !== p.expect[i]);
      if (wrong) misreads.push(`"${p.prompt}": expected [${p.expect.join(', ')}], planned [${got.join(', ')}]`);
      else if (got.length !== p.expect.length) misses.push(`"${p.prompt}": expected [${p.expect.join(', ')}], planned [${got.join(', ')}]`);
    }
    const passed = PROMPT_SUITE.length - misreads.length - misses.length;
    const rate = passed / PROMPT_SUITE.length;
    console.log(`prompt suite: ${passed}/${PROMPT_SUITE.length} plan the expected sequence (${(rate * 100).toFixed(1)} %), ${misreads.length} misreads, ${misses.length} misses`);
    if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
    expect(misreads, misreads.join('\n')).toEqual([]);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});
