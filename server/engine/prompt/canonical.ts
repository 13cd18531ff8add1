/**
 * One clean phrase per action id in the reader's own vocabulary ("picks up", "does a cartwheel", "walks up the
 * stairs"), used by the local prompt optimiser and by suggestions the user can click. Built from the first
 * pattern of each action in the lexicon; the table below overrides those whose first pattern reads badly.
 * Every phrase reads back as its own action (a test checks the round trip).
 */
import { ACTION_IDS } from '../actions/actionIds.ts';
import type { ActionId } from '../actions/actionIds.ts';
import { ACTION_PATTERNS } from './lexicon.ts';

const OVERRIDES: Record<string, string> = {
  idle: 'stand still',
  backward: 'walk backward',
  sidestep: 'sidestep',
  tiptoe: 'walk on tiptoes',
  zombieWalk: 'walk like a zombie',
  crouchWalk: 'walk crouched',
  drunkWalk: 'walk drunk',
  injuredWalk: 'walk injured',
  swagger: 'walk with swagger',
  powerWalk: 'power walk',
  turn: 'turn',
  spin: 'spin around',
  leap: 'leap forward',
  longJump: 'do a long jump',
  jumpInPlace: 'jump in place',
  vault: 'vault over a fence',
  commandoCrawl: 'army crawl',
  stairsUp: 'walk up the stairs',
  stairsDown: 'walk down the stairs',
  climbLadder: 'climb a ladder',
  stepUp: 'step up onto a box',
  stepDown: 'step down from a box',
  climbWall: 'climb a wall',
  jumpDown: 'jump down',
  balanceBeam: 'walk along a balance beam',
  sit: 'sit down',
  standUp: 'stand up',
  crouch: 'crouch down',
  kneel: 'kneel down',
  lieDown: 'lie down',
  sitFloor: 'sit on the floor',
  squat: 'squat',
  getUp: 'get up from the floor',
  sitCrossLegged: 'sit cross legged',
  lieOnBack: 'lie on their back',
  lieOnSide: 'lie on their side',
  pickUp: 'pick up',
  putDown: 'put down',
  lift: 'lift a heavy box',
  hammer: 'hammer a nail',
  openDoor: 'open the door',
  knockDoor: 'knock on the door',
  throwOverhand: 'throw a ball overhand',
  throwUnderhand: 'throw a ball underhand',
  catchBall: 'catch a ball',
  phoneCall: 'talk on the phone',
  type: 'type on a keyboard',
  readBook: 'read a book',
  write: 'write a note',
  pour: 'pour a drink',
  stir: 'stir a pot',
  checkPhone: 'check their phone',
  takePhoto: 'take a photo',
  brushTeeth: 'brush their teeth',
  comb: 'comb their hair',
  wipe: 'wipe the table',
  sweep: 'sweep the floor',
  golfSwing: 'swing a golf club',
  golfPutt: 'putt',
  baseballSwing: 'swing a baseball bat',
  baseballPitch: 'pitch a baseball',
  tennisForehand: 'hit a forehand',
  tennisBackhand: 'hit a backhand',
  tennisServe: 'serve a tennis ball',
  basketballDribble: 'dribble a basketball',
  basketballShot: 'shoot a basketball',
  soccerPass: 'pass a soccer ball',
  soccerShot: 'kick a soccer ball',
  volleyballSpike: 'spike a volleyball',
  volleyballBump: 'bump a volleyball',
  swimFreestyle: 'swim freestyle',
  swimBreaststroke: 'swim breaststroke',
  swimBackstroke: 'swim backstroke',
  rowing: 'row a boat',
  bowling: 'go bowling',
  archery: 'shoot a bow and arrow',
  jumpRope: 'jump rope',
  skiing: 'ski downhill',
  skateboard: 'ride a skateboard',
  hulaHoop: 'spin a hula hoop',
  cricketBowl: 'bowl a cricket ball',
  hockeySlapShot: 'take a slap shot',
  punch: 'punch',
  jab: 'throw a jab',
  cross: 'throw a cross',
  hook: 'throw a hook',
  uppercut: 'throw an uppercut',
  elbowStrike: 'throw an elbow strike',
  kneeStrike: 'throw a knee strike',
  frontKick: 'do a front kick',
  sideKick: 'do a side kick',
  roundhouseKick: 'do a roundhouse kick',
  backKick: 'do a back kick',
  fightStance: 'get into a fighting stance',
  swordSlash: 'slash with a sword',
  swordStab: 'stab with a sword',
  swordParry: 'parry a sword attack',
  rifleAim: 'aim a rifle',
  rifleFire: 'fire a rifle',
  pistolAim: 'aim a pistol',
  pistolFire: 'fire a pistol',
  hitHead: 'get hit in the face',
  hitStomach: 'get hit in the stomach',
  hitBack: 'get hit in the back',
  knockdown: 'get knocked down',
  cartwheel: 'do a cartwheel',
  forwardRoll: 'roll forward',
  backwardRoll: 'roll backward',
  somersault: 'do a somersault',
  backflip: 'do a backflip',
  handstand: 'do a handstand',
  kipUp: 'do a kip up',
  aerial: 'do an aerial cartwheel',
  pushUps: 'do push ups',
  sitUps: 'do sit ups',
  burpees: 'do burpees',
  lunges: 'do lunges',
  plank: 'hold a plank',
  jumpingJacks: 'do jumping jacks',
  mountainClimbers: 'do mountain climbers',
  yogaTree: 'do a tree pose',
  yogaWarrior: 'do a warrior pose',
  yogaDownwardDog: 'do a downward dog',
  yogaChild: 'do a child pose',
  taiChi: 'do tai chi',
  highKnees: 'do high knees',
  toeTouch: 'touch their toes',
  armCircles: 'do arm circles',
  hipHop: 'do a hip hop dance',
  robot: 'do the robot',
  salsa: 'dance salsa',
  disco: 'do a disco dance',
  ballet: 'dance ballet',
  twist: 'do the twist',
  slowDance: 'slow dance',
  macarena: 'do the macarena',
  chickenDance: 'do the chicken dance',
  shuffleDance: 'do a shuffle dance',
  shakeHead: 'shake their head',
  crossArms: 'cross their arms',
  lookAround: 'look around',
  thumbsUp: 'give a thumbs up',
  airGuitar: 'play air guitar',
  stopHand: 'hold up their hand to stop',
  blowKiss: 'blow a kiss',
  fistPump: 'pump their fist',
  checkWatch: 'check their watch',
  scratchHead: 'scratch their head',
  handsOnHips: 'put their hands on their hips',
  flex: 'flex their muscles',
  victory: 'make a victory pose',
  wipeForehead: 'wipe their forehead',
  callOut: 'call out',
  armsUp: 'raise their arms',
  clapOverhead: 'clap overhead',
  coverEars: 'cover their ears',
  kneelPray: 'kneel and pray',
  stumble: 'stumble',
  fallForward: 'fall forward',
  fallBackward: 'fall backward',
  fallSide: 'fall sideways',
  faint: 'faint',
  death: 'die',
  balanceOneFoot: 'balance on one foot',
  tired: 'look tired',
  bored: 'look bored',
  cold: 'shiver from the cold',
  impatient: 'tap their foot impatiently',
  nervous: 'fidget nervously',
  breatheHeavy: 'breathe heavily',
  stretchIdle: 'stretch their back',
  guard: 'stand guard',
  sleepy: 'look sleepy',
  lookUp: 'look up',
  waitIdle: 'wait patiently',
  runInPlace: 'run in place',
  walkInPlace: 'walk in place',
  dodge: 'dodge',
  duck: 'duck',
  block: 'block',
  think: 'think',
};

function firstPattern(id: ActionId): string {
  const first = (ACTION_PATTERNS[id] ?? id).split(',')[0]!.replace(/^(n:|a:|light:)/, '');
  return first
    .split(/\s+/)
    .filter((w) => !w.endsWith('?'))
    .map((w) => (w === 'POSS' ? 'their' : w.replace(/^~/, '').split('|')[0]!))
    .join(' ');
}

/** Base-form phrase: "pick up", "do a cartwheel". */
function canonicalBase(id: ActionId): string {
  return OVERRIDES[id] ?? firstPattern(id);
}

/** "walk" → "walks", "punch" → "punches", "carry" → "carries". */
function thirdPerson(base: string): string {
  if (base === 'be') return 'is';
  if (base === 'have') return 'has';
  if (/(?:s|sh|ch|x|z|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/** "wave" → "waving", "run" → "running", "lie" → "lying". */
function gerund(base: string): string {
  if (base.endsWith('ie')) return `${base.slice(0, -2)}ying`;
  if (base.endsWith('ee')) return `${base}ing`;
  if (base.endsWith('e')) return `${base.slice(0, -1)}ing`;
  if (/^(?:run|jog|hop|skip|sit|swim|dig|stir|shrug|nod|clap|step|drop|grab|trip|slip|stab|jab|dab|flip|spin|get|put|hug|bob|strut|chat)$/.test(base))
    return `${base}${base.at(-1)}ing`;
  return `${base}ing`;
}

function inflect(phrase: string, form: (verb: string) => string): string {
  const [verb, ...rest] = phrase.split(' ');
  return [form(verb!), ...rest].join(' ');
}

/** Present-tense phrase for "A person …": "picks up", "does a cartwheel". */
export function canonicalPhrase(id: ActionId): string {
  return inflect(canonicalBase(id), thirdPerson);
}

/** "-ing" phrase for a layered gesture: "waving", "looking around". */
export function canonicalGerund(id: ActionId): string {
  return inflect(canonicalBase(id), gerund);
}

export const ALL_CANONICAL: readonly { id: ActionId; phrase: string }[] = ACTION_IDS.map((e) => ({ id: e.id, phrase: canonicalPhrase(e.id) }));
