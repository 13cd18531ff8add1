/**
 * The vocabulary: verbs and phrases → actions, and the modifier words the parser reads.
 * Multi-word phrases are matched before single words so "sit down" and "stand up" beat "sit"/"stand".
 */
import type { ActionKind } from './plan.ts';

export const PHRASES: [string, ActionKind][] = [
  ['jumping jacks', 'jumpingJacks'], ['jumping jack', 'jumpingJacks'], ['star jump', 'jumpingJacks'],
  ['sit down', 'sit'], ['sit on the floor', 'sitFloor'], ['sit on the ground', 'sitFloor'], ['sits on the floor', 'sitFloor'],
  ['take a seat', 'sit'], ['have a seat', 'sit'],
  ['stand up', 'standUp'], ['get up', 'standUp'], ['rise up', 'standUp'], ['stands up', 'standUp'], ['gets up', 'standUp'],
  ['lie down', 'lieDown'], ['lay down', 'lieDown'], ['lies down', 'lieDown'], ['lying down', 'lieDown'],
  ['shake head', 'shakeHead'], ['shake his head', 'shakeHead'], ['shake her head', 'shakeHead'], ['shake their head', 'shakeHead'],
  ['shakes head', 'shakeHead'], ['shakes his head', 'shakeHead'], ['shakes her head', 'shakeHead'], ['shaking head', 'shakeHead'],
  ['nod head', 'nod'], ['look around', 'lookAround'], ['looks around', 'lookAround'], ['looking around', 'lookAround'],
  ['cross arms', 'crossArms'], ['crosses arms', 'crossArms'], ['cross his arms', 'crossArms'], ['cross her arms', 'crossArms'], ['folds arms', 'crossArms'],
  ['turn around', 'turn'], ['turns around', 'turn'], ['turning around', 'turn'],
  ['step back', 'backward'], ['steps back', 'backward'], ['walk backward', 'backward'], ['walk backwards', 'backward'],
  ['walks backward', 'backward'], ['walks backwards', 'backward'], ['walking backward', 'backward'], ['walking backwards', 'backward'],
  ['step sideways', 'sidestep'], ['steps sideways', 'sidestep'], ['side step', 'sidestep'],
  ['wave hello', 'wave'], ['waves hello', 'wave'], ['say hello', 'wave'], ['says hello', 'wave'], ['wave goodbye', 'wave'],
  ['thumbs up', 'cheer'], ['stand still', 'idle'], ['stands still', 'idle'], ['standing still', 'idle'],
  ['stand idle', 'idle'], ['stands idle', 'idle'], ['wait around', 'idle'],
];

/** Base verb forms; inflections (-s, -es, -ing, -ed, doubled consonants) are stripped before lookup. */
export const VERBS: Record<string, ActionKind> = {
  walk: 'walk', stroll: 'walk', wander: 'walk', amble: 'walk', pace: 'walk', step: 'walk', go: 'walk', move: 'walk', head: 'walk', proceed: 'walk', advance: 'walk', saunter: 'walk', trudge: 'walk', stride: 'walk',
  run: 'run', sprint: 'run', dash: 'run', race: 'run', rush: 'run', flee: 'run', charge: 'run',
  jog: 'jog', trot: 'jog',
  sneak: 'sneak', creep: 'sneak', tiptoe: 'sneak', stalk: 'sneak', prowl: 'sneak',
  limp: 'limp', hobble: 'limp', stagger: 'limp',
  march: 'march', stomp: 'march', parade: 'march',
  shuffle: 'shuffle', sidestep: 'sidestep', strafe: 'sidestep', backpedal: 'backward', retreat: 'backward', back: 'backward',
  turn: 'turn', rotate: 'turn', pivot: 'turn',
  spin: 'spin', twirl: 'spin', pirouette: 'spin',
  jump: 'jump', leap: 'jump', bound: 'jump', vault: 'jump', spring: 'jump',
  hop: 'hop', skip: 'skip',
  wave: 'wave', greet: 'wave', hail: 'wave', beckon: 'wave',
  clap: 'clap', applaud: 'clap',
  point: 'point', gesture: 'point', indicate: 'point',
  bow: 'bow', curtsy: 'bow',
  nod: 'nod', agree: 'nod',
  shrug: 'shrug',
  sit: 'sit', seat: 'sit', stand: 'standUp', rise: 'standUp',
  crouch: 'crouch', duck: 'crouch', squat: 'squat', hunker: 'crouch', cower: 'crouch',
  kneel: 'kneel', genuflect: 'kneel',
  lie: 'lieDown', lay: 'lieDown', recline: 'lieDown',
  punch: 'punch', hit: 'punch', strike: 'punch', jab: 'punch', box: 'punch', fight: 'punch', attack: 'punch', uppercut: 'punch',
  kick: 'kick',
  dance: 'dance', boogie: 'dance', groove: 'dance', sway: 'dance', bop: 'dance',
  look: 'lookAround', search: 'lookAround', scan: 'lookAround', glance: 'lookAround', observe: 'lookAround',
  stretch: 'stretch', warm: 'stretch',
  salute: 'salute', cheer: 'cheer', celebrate: 'cheer', rejoice: 'cheer',
  think: 'think', ponder: 'think', wonder: 'think', consider: 'think',
  idle: 'idle', wait: 'idle', rest: 'idle', pause: 'idle', breathe: 'idle', stay: 'idle', remain: 'idle', relax: 'idle',
};

/** Speed adverbs → multiplier of the action's default speed (and a label for the report). */
export const SPEED_WORDS: Record<string, [number, string]> = {
  slowly: [0.62, 'slow'], slow: [0.62, 'slow'], leisurely: [0.65, 'slow'], gently: [0.75, 'gentle'], carefully: [0.6, 'careful'], cautiously: [0.55, 'cautious'],
  casually: [0.85, 'casual'], calmly: [0.8, 'calm'], lazily: [0.6, 'lazy'],
  normally: [1, 'normal'], steadily: [1, 'steady'],
  briskly: [1.3, 'brisk'], quickly: [1.35, 'quick'], quick: [1.35, 'quick'], fast: [1.45, 'fast'], rapidly: [1.45, 'fast'], hurriedly: [1.4, 'hurried'],
  swiftly: [1.4, 'swift'], energetically: [1.25, 'energetic'],
};

/** Style adjectives/adverbs → continuous style offsets. */
export const STYLE_WORDS: Record<string, { energy?: number; tension?: number; age?: number; label: string }> = {
  tired: { energy: -0.8, label: 'tired' }, tiredly: { energy: -0.8, label: 'tired' }, exhausted: { energy: -1, label: 'exhausted' }, sleepy: { energy: -0.7, label: 'sleepy' },
  sad: { energy: -0.7, label: 'sad' }, sadly: { energy: -0.7, label: 'sad' }, depressed: { energy: -0.9, label: 'sad' }, gloomy: { energy: -0.6, label: 'sad' },
  happy: { energy: 0.7, label: 'happy' }, happily: { energy: 0.7, label: 'happy' }, cheerful: { energy: 0.7, label: 'happy' }, cheerfully: { energy: 0.7, label: 'happy' },
  joyful: { energy: 0.8, label: 'happy' }, joyfully: { energy: 0.8, label: 'happy' }, excited: { energy: 0.9, label: 'excited' }, excitedly: { energy: 0.9, label: 'excited' },
  energetic: { energy: 0.8, label: 'energetic' }, confident: { energy: 0.4, tension: 0.1, label: 'confident' }, confidently: { energy: 0.4, label: 'confident' }, proud: { energy: 0.4, label: 'proud' }, proudly: { energy: 0.4, label: 'proud' },
  angry: { energy: 0.4, tension: 0.9, label: 'angry' }, angrily: { energy: 0.4, tension: 0.9, label: 'angry' }, furious: { energy: 0.5, tension: 1, label: 'angry' }, furiously: { energy: 0.5, tension: 1, label: 'angry' },
  nervous: { tension: 0.6, energy: -0.2, label: 'nervous' }, nervously: { tension: 0.6, energy: -0.2, label: 'nervous' }, scared: { tension: 0.7, energy: -0.3, label: 'scared' },
  old: { age: 1, energy: -0.3, label: 'old' }, elderly: { age: 1, energy: -0.3, label: 'old' }, aged: { age: 0.8, label: 'old' }, young: { age: 0, energy: 0.3, label: 'young' },
  relaxed: { tension: -0.2, label: 'relaxed' }, tense: { tension: 0.6, label: 'tense' },
};

export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, ninety: 90, half: 0.5, couple: 2, few: 3, several: 4,
};

export const COUNT_WORDS: Record<string, number> = { once: 1, twice: 2, thrice: 3 };

/** Words that carry no motion meaning; they are neither understood nor reported as ignored. */
export const STOPWORDS = new Set(
  ('a an the person man woman guy girl boy lady character someone somebody he she they it his her their its them him i you we ' +
    'is are was were be being been does do did has have had then and after that next finally afterwards followed by ' +
    'with of to at in on into onto from up down for while as times time seconds second secs sec s meters meter metres metre m steps ' +
    'degrees degree deg around again also just very really little bit some slightly quite about more bit now begins starts start begin ' +
    'keeps keep continues continue still hand hands arm arms his her the this that few a couple').split(' '),
);
