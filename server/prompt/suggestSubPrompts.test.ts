import { describe, expect, it } from 'vitest';
import { parsePrompt } from '../engine/prompt/parse.ts';
import { baseForm, suggestSubPrompts, thirdPerson } from './suggestSubPrompts.ts';

describe('suggestSubPrompts', () => {
  it.each([
    ['walk forward then wave', ['A person walks forward', 'A person waves']],
    ['please make him walk forward slowly, then turn left and wave', ['A person walks forward slowly', 'A person turns left', 'A person waves']],
    ['a woman is walking forward and then she jumped twice', ['A woman walks forward', 'A woman jumps twice']],
    ['running fast, after that sitting down; finally stand up', ['A person runs fast', 'A person sits down', 'A person stands up']],
    // a gesture on a walk happens at once: one prompt
    ['the man walks and waves', ['The man walks and waves']],
    ['walks while waving', ['A person walks while waving']],
    // a clause with no action joins the one before it
    ['an old man slowly walks forward, happily', ['An old man walks slowly forward happily']],
    ['walk 2.5 meters then hop', ['A person walks 2.5 meters', 'A person hops']],
    // the subject carries over, so the repeat is a duplicate
    ['can you have the character dance. dance!', ['The character dances']],
  ])('%s', (prompt, expected) => {
    expect(suggestSubPrompts(prompt)).toEqual(expected);
  });

  it('keeps a prompt with no known action, with a subject', () => {
    expect(suggestSubPrompts('levitates gracefully')).toEqual(['A person levitates gracefully']);
  });

  it('returns nothing for filler only, and caps the list', () => {
    expect(suggestSubPrompts('please, then,')).toEqual([]);
    expect(suggestSubPrompts(Array.from({ length: 12 }, () => 'jump').join(' then '), 3)).toEqual(['A person jumps']);
    expect(suggestSubPrompts('walk, run, jump, hop, sit down, stand up, wave, bow, clap, nod', 4)).toHaveLength(4);
  });

  it('every suggestion is a single step the engine understands', () => {
    const out = suggestSubPrompts('she jogs quickly, then spins around and then bows, afterwards claps twice');
    expect(out).toEqual(['She jogs quickly', 'She spins around', 'She bows', 'She claps twice']);
    for (const s of out) expect(parsePrompt(s).steps).toHaveLength(1);
  });
});

describe('verb forms', () => {
  it.each([
    ['running', 'run'],
    ['waves', 'wave'],
    ['danced', 'dance'],
    ['hopping', 'hop'],
    ['sitting', 'sit'],
    ['punches', 'punch'],
    ['walked', 'walk'],
    ['stood', 'stand'],
    ['forward', 'forward'],
  ])('base of %s is %s', (w, b) => expect(baseForm(w)).toBe(b));
  it.each([
    ['walk', 'walks'],
    ['punch', 'punches'],
    ['go', 'goes'],
    ['carry', 'carries'],
    ['play', 'plays'],
  ])('3rd person of %s is %s', (b, v) => expect(thirdPerson(b)).toBe(v));
});
