import { describe, expect, it } from 'vitest';
import { parsePrompt } from '../engine/prompt/parse.ts';
import { ALL_CANONICAL } from '../engine/prompt/canonical.ts';
import { suggestSubPrompts } from './suggestSubPrompts.ts';

const planned = (p: string) => parsePrompt(p).steps.map((s) => [s.action, ...s.with.map((w) => w.action)].join('+'));

describe('local prompt optimiser', () => {
  it.each([
    ['walk forward then wave', ['A person walks forward', 'A person waves']],
    ['please make him walk forward slowly, then turn left and wave', ['A person walks forward slowly', 'A person turns left', 'A person waves']],
    ['a woman is walking forward and then she jumped twice', ['A woman walks forward', 'A woman jumps twice']],
    ['the man walks and waves', ['The man walks while waving']],
    ['walk 2.5 meters then hop', ['A person walks 2.5 meters', 'A person hops']],
    ['can you have the character dance. dance!', ['The character dances']],
    // The issue's examples: no garbling, the library's own words, one prompt per planned step.
    ['A man boxes, picks up a box from the floor and carries it', ['A man punches', 'A man picks up a box', 'A man carries the box']],
    ['a person picks up a box and carries it', ['A person picks up a box', 'A person carries the box']],
    ['shoots a bow and arrow', ['A person shoots a bow and arrow']],
    ['he fights with a sword', ['He slashes with a sword']],
    ['blocks a punch', ['A person blocks a punch']],
    ['gets hit in the stomach', ['A person gets hit in the stomach']],
    ['shakes their head no', ['A person shakes their head']],
    ['turns around and walks back', ['A person turns around', 'A person walks back to the start']],
    ['a left jab then a right hook', ['A person throws a jab with the left hand', 'A person throws a hook with the right hand']],
    ['sneaks forward then rolls', ['A person sneaks forward', 'A person rolls forward']],
    ['a woman does a cartwheel', ['A woman does a cartwheel']],
    ['do 10 push ups', ['A person does push ups 10 times']],
    ['an angry old man punches three times without moving his feet', ['An angry old man punches in place 3 times']],
  ])('%s', (prompt, expected) => {
    expect(suggestSubPrompts(prompt)).toEqual(expected);
  });

  it('every suggestion reads back as exactly the step it came from', () => {
    for (const prompt of [
      'she jogs quickly, then spins around and then bows, afterwards claps twice',
      'walk forward while waving then sit down',
      'a person climbs a ladder, drinks from a cup, then swings a golf club',
      'sidestep right, jump in place, kick with the left leg',
    ]) {
      const plan = planned(prompt);
      const out = suggestSubPrompts(prompt);
      expect(out.map((s) => planned(s)).flat(), prompt).toEqual(plan);
    }
  });

  it('drops what it could not read and returns nothing for filler only; caps the list', () => {
    expect(suggestSubPrompts('walk forward then levitate')).toEqual(['A person walks forward']);
    expect(suggestSubPrompts('please, then,')).toEqual([]);
    expect(suggestSubPrompts(Array.from({ length: 12 }, () => 'jump').join(' then '), 3)).toEqual(['A person jumps']);
    expect(suggestSubPrompts('walk, run, jump, hop, sit down, stand up, wave, bow, clap, nod', 4)).toHaveLength(4);
  });

  it('the canonical phrase of every library action reads back as that action', () => {
    const wrong = ALL_CANONICAL.filter(({ id, phrase }) => planned(`A person ${phrase}`).join() !== id).map(
      ({ id, phrase }) => `${id}: "${phrase}" → ${planned(`A person ${phrase}`).join()}`,
    );
    expect(wrong).toEqual([]);
  });
});
