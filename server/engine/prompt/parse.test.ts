import { describe, expect, test } from 'vitest';
import { parsePrompt } from './parse.ts';

const actions = (p: string): string[] => parsePrompt(p).steps.map((s) => s.action);

describe('prompt parser', () => {
  test('core verbs', () => {
    expect(actions('a person walks')).toEqual(['walk']);
    expect(actions('run')).toEqual(['run']);
    expect(actions('jump')).toEqual(['jump']);
    expect(actions('turn left')).toEqual(['turn']);
    expect(actions('waves')).toEqual(['wave']);
    expect(actions('stands idle')).toEqual(['idle']);
    expect(actions('sit down')).toEqual(['sit']);
  });

  test('speed adverbs set locomotion speed and are reported', () => {
    const p = parsePrompt('a man walks forward slowly');
    expect(p.steps[0]!.speed).toBeCloseTo(0.81, 2);
    expect(p.understood[0]).toBe('walk forward (slow, 0.81 m/s)');
    expect(parsePrompt('walk briskly').steps[0]!.speed).toBeGreaterThan(1.6);
    expect(parsePrompt('run quickly').steps[0]!.speed).toBeGreaterThan(parsePrompt('run').steps[0]!.speed!);
  });

  test('sequencing with then and commas', () => {
    expect(actions('walk forward, then turn left and then wave')).toEqual(['walk', 'turn', 'wave']);
    expect(actions('jump; sit down. stand up')).toEqual(['jump', 'sit', 'standUp']);
    expect(actions('walk after that run finally jump')).toEqual(['walk', 'run', 'jump']);
  });

  test('turn directions and angles', () => {
    expect(parsePrompt('turn left').steps[0]!.angle).toBeCloseTo(Math.PI / 2);
    expect(parsePrompt('turn right').steps[0]!.angle).toBeCloseTo(-Math.PI / 2);
    expect(parsePrompt('turn right 45 degrees').steps[0]!.angle).toBeCloseTo(-Math.PI / 4);
    expect(parsePrompt('turn around').steps[0]!.angle).toBeCloseTo(Math.PI);
    expect(parsePrompt('turn 30° left').steps[0]!.angle).toBeCloseTo(Math.PI / 6);
  });

  test('counts and durations', () => {
    expect(parsePrompt('jump twice').steps[0]!.count).toBe(2);
    expect(parsePrompt('jump 3 times').steps[0]!.count).toBe(3);
    expect(parsePrompt('jump three times').steps[0]!.count).toBe(3);
    expect(parsePrompt('wave once').steps[0]!.count).toBe(1);
    expect(parsePrompt('walk for 4 seconds').steps[0]!.durationSec).toBe(4);
    expect(parsePrompt('idle for 2.5 s').steps[0]!.durationSec).toBe(2.5);
    expect(parsePrompt('walk 5 meters').steps[0]!.distance).toBe(5);
  });

  test('while layers a gesture over locomotion', () => {
    const p = parsePrompt('walk forward while waving');
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]!.action).toBe('walk');
    expect(p.steps[0]!.with.map((s) => s.action)).toEqual(['wave']);
    const q = parsePrompt('wave while walking');
    expect(q.steps[0]!.action).toBe('walk');
    expect(q.steps[0]!.with[0]!.action).toBe('wave');
  });

  test('unknown words are reported as ignored, filler words are not', () => {
    const p = parsePrompt('the person walks forward gracefully towards the banana');
    expect(p.steps.map((s) => s.action)).toEqual(['walk']);
    expect(p.ignored).toEqual(['gracefully', 'towards', 'banana']);
    const q = parsePrompt('xyzzy plugh');
    expect(q.steps).toEqual([]);
    expect(q.ignored).toEqual(['xyzzy', 'plugh']);
  });

  test('inflections resolve to base verbs', () => {
    expect(actions('running')).toEqual(['run']);
    expect(actions('he jumped')).toEqual(['jump']);
    expect(actions('she is jogging')).toEqual(['jog']);
    expect(actions('sat down')).toEqual(['sit']);
  });

  test('style words set continuous style and are reported', () => {
    const p = parsePrompt('a tired old man walks slowly');
    expect(p.style.energy).toBeLessThan(0);
    expect(p.style.age).toBeGreaterThan(0.5);
    expect(p.understood.join(' | ')).toContain('style: tired, old');
    expect(parsePrompt('walks angrily').style.tension).toBeGreaterThan(0.5);
    expect(parsePrompt('happily jumps').style.energy).toBeGreaterThan(0.5);
  });

  test('synonyms map onto generators', () => {
    const cases: [string, string][] = [
      ['stroll', 'walk'],
      ['sprint', 'run'],
      ['tiptoe', 'tiptoe'],
      ['creep', 'sneak'],
      ['leap', 'jump'],
      ['applaud', 'clap'],
      ['greet', 'wave'],
      ['squat', 'squat'],
      ['genuflect', 'kneel'],
      ['twirl', 'spin'],
      ['hobble', 'limp'],
      ['boogie', 'dance'],
      ['ponder', 'think'],
      ['celebrate', 'celebrate'],
      ['cheer', 'cheer'],
      ['strafe', 'sidestep'],
      ['recline', 'lieDown'],
      ['punches', 'punch'],
      ['kicking', 'kick'],
    ];
    for (const [word, action] of cases) expect(actions(word), word).toEqual([action]);
  });

  test('hands, sides and distances', () => {
    expect(parsePrompt('wave with the left hand').steps[0]!.side).toBe(0);
    expect(parsePrompt('kick with the right leg').steps[0]!.side).toBe(1);
    expect(parsePrompt('clap with both hands').steps[0]!.action).toBe('clap');
    expect(parsePrompt('jump forward 1.5 meters').steps[0]!.distance).toBe(1.5);
    expect(parsePrompt('walk in a circle').steps[0]!.angle).toBeCloseTo(2 * Math.PI);
    expect(parsePrompt('sidestep right').steps[0]!.dir).toBeCloseTo(-Math.PI / 2);
  });

  test('and joins a gesture to locomotion, otherwise sequences', () => {
    const p = parsePrompt('walks forward and waves');
    expect(p.steps.map((s) => s.action)).toEqual(['walk']);
    expect(p.steps[0]!.with[0]!.action).toBe('wave');
    expect(actions('jumps and sits down')).toEqual(['jump', 'sit']);
  });
});

describe('the issue 13 readings', () => {
  const step = (p: string, i = 0) => parsePrompt(p).steps[i]!;

  test('nouns are props or targets, never verbs', () => {
    const box = parsePrompt('a person picks up a box and carries it');
    expect(box.steps.map((s) => s.action)).toEqual(['pickUp', 'carry']);
    expect(box.steps[0]!.prop).toBe('box');
    expect(actions('shoots a bow and arrow')).toEqual(['archery']);
    expect(step('fights with a sword')).toMatchObject({ action: 'swordSlash', prop: 'sword' });
    expect(step('blocks a punch')).toMatchObject({ action: 'block', target: 'punch' });
    expect(actions('gets hit in the stomach')).toEqual(['hitStomach']);
    expect(actions('shakes their head no')).toEqual(['shakeHead']);
    // The same word as a verb is the action.
    expect(actions('the man boxes')).toEqual(['punch']);
    expect(actions('a woman bows')).toEqual(['bow']);
  });

  test('a noun describing another noun is no action; an object-bound action refuses other objects', () => {
    expect(step('kick a punching bag three times with the right leg')).toMatchObject({ action: 'kick', count: 3, side: 1 });
    const box = parsePrompt('a person opens a box');
    expect(box.steps).toEqual([]);
    expect(box.notUnderstood?.[0]?.suggestions[0]).toBe('openDoor');
    expect(step('opens the door').action).toBe('openDoor');
  });

  test('turns around and walks back: a 180° turn, then forward toward the start', () => {
    const p = parsePrompt('turns around and walks back');
    expect(p.steps.map((s) => s.action)).toEqual(['turn', 'walk']);
    expect(Math.abs(p.steps[0]!.angle!)).toBeCloseTo(Math.PI);
    expect(p.steps[1]!.dir).toBe(0);
    expect(p.steps[1]!.label).toContain('back to the start');
    // Without the turn, "back" is ambiguous: backward is chosen and the other reading is listed.
    const q = parsePrompt('walks back');
    expect(q.steps[0]!.action).toBe('backward');
    expect(q.alternatives?.[0]?.alternative).toMatch(/turn around/);
  });

  test('no clause disappears: sides per strike, second actions kept', () => {
    const p = parsePrompt('a left jab then a right hook');
    expect(p.steps.map((s) => [s.action, s.side])).toEqual([
      ['jab', 0],
      ['hook', 1],
    ]);
    expect(actions('sneaks forward then rolls')).toEqual(['sneak', 'forwardRoll']);
  });

  test('counts, durations, distances, in place and intensity', () => {
    expect(step('does 10 push ups')).toMatchObject({ action: 'pushUps', count: 10 });
    expect(step('hold a plank for 20 seconds')).toMatchObject({ action: 'plank', durationSec: 20 });
    expect(step('walk 12 feet').distance).toBeCloseTo(3.66, 2);
    expect(step('punches hard without moving his feet')).toMatchObject({ action: 'punch', inPlace: true, intensity: 1.4 });
    expect(actions('run in place')).toEqual(['runInPlace']);
    expect(actions('jogs on the spot')).toEqual(['runInPlace']);
    expect(step('waves gently').intensity).toBeLessThan(1);
  });

  test('styles and emotions: adverbs, "like a …", mood words', () => {
    expect(actions('walks like a zombie')).toEqual(['zombieWalk']);
    const p = parsePrompt('an old man walks angrily');
    expect(p.style.age).toBeGreaterThan(0.5);
    expect(p.style.tension).toBeGreaterThan(0.5);
    expect(actions('a tired man')).toEqual(['tired']);
    expect(actions('a tired man walks')).toEqual(['walk']);
  });

  test('clause order: then, while, before, after, a participle after a comma', () => {
    expect(actions('before jumping, he crouches')).toEqual(['crouch', 'jump']);
    expect(actions('he waves after he sits down')).toEqual(['sit', 'wave']);
    expect(actions('after sitting down, he waves')).toEqual(['sit', 'wave']);
    const p = parsePrompt('walks forward, waving');
    expect(p.steps.map((s) => s.action)).toEqual(['walk']);
    expect(p.steps[0]!.with.map((s) => s.action)).toEqual(['wave']);
  });

  test('a clause that names no known action is reported with suggestions, never dropped', () => {
    const p = parsePrompt('walk forward then levitate gracefully');
    expect(p.steps.map((s) => s.action)).toEqual(['walk']);
    expect(p.notUnderstood).toEqual([{ text: 'levitate gracefully', suggestions: expect.any(Array) }]);
    expect(parsePrompt('she does a cartweel').notUnderstood?.[0]?.suggestions[0]).toBe('cartwheel');
    expect(parsePrompt('walks and levitates').notUnderstood?.[0]?.text).toBe('levitates');
  });

  test('WordNet widens the verbs: a synonym the lexicon lacks is read, and the guess is listed', () => {
    const p = parsePrompt('he gallops');
    expect(p.steps.length).toBe(1);
    expect(p.alternatives?.[0]?.text).toBe('gallops');
  });
});

describe('robustness', () => {
  test('any text parses without throwing into vocabulary ids only', async () => {
    const fc = (await import('fast-check')).default;
    const { isActionId } = await import('../actions/actionIds.ts');
    const words = [
      'walk',
      'a',
      'box',
      'then',
      'and',
      'left',
      'jab',
      'while',
      'waving',
      'before',
      'after',
      'not',
      'without',
      'moving',
      'feet',
      '3',
      'times',
      'twice',
      'in',
      'place',
      'the',
      'stomach',
      'hit',
      'bow',
      'arrow',
      'like',
      'zombie',
      ',',
      '.',
      'picks',
      'up',
      'back',
      'around',
      'turns',
      'for',
      'seconds',
      'xyz',
      '°',
      "don't",
    ];
    const salad = fc.array(fc.constantFrom(...words), { maxLength: 25 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), salad), (text) => {
        const p = parsePrompt(text);
        for (const s of p.steps) {
          expect(isActionId(s.action)).toBe(true);
          expect(s.label.length).toBeGreaterThan(0);
          for (const w of s.with) expect(isActionId(w.action)).toBe(true);
        }
        for (const n of p.notUnderstood ?? []) for (const id of n.suggestions) expect(isActionId(id)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
