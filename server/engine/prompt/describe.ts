/**
 * Fills the defaults a clause left open (speeds, turn angles, counts) and turns a step into the
 * human-readable phrase the studio shows under "understood".
 */
import { GAITS } from '../synth/gaits.ts';
import type { GaitKind } from '../synth/gaits.ts';
import { actionEntry } from '../actions/actionIds.ts';
import type { ActionKind, PlanStep } from './plan.ts';
import { actionName } from './suggest.ts';

/** The gait a locomotion action uses. */
function gaitOf(a: ActionKind): GaitKind {
  switch (a) {
    case 'run':
      return 'run';
    case 'jog':
      return 'jog';
    case 'sneak':
      return 'sneak';
    case 'limp':
      return 'limp';
    case 'march':
      return 'march';
    case 'shuffle':
      return 'shuffle';
    case 'skip':
      return 'skip';
    default:
      return 'walk';
  }
}

const LOCO = { has: (a: ActionKind): boolean => actionEntry(a)?.layer === 'locomotion' };

export function resolveDefaults(s: PlanStep): void {
  if (LOCO.has(s.action)) {
    const g = GAITS[gaitOf(s.action)];
    const base = s.action === 'sidestep' ? 0.7 : s.action === 'backward' ? 0.8 : g.speed;
    s.speed = Math.round(base * (s.speedMul ?? 1) * 100) / 100;
    if (s.action === 'backward') s.dir = Math.PI;
    if (s.action === 'sidestep' && s.dir === undefined) s.dir = Math.PI / 2;
    if (s.action === 'walk' && s.dir === Math.PI) s.action = 'backward';
  }
  if (s.action === 'turn' && s.angle === undefined) s.angle = Math.PI / 2;
  if (s.action === 'spin' && s.angle === undefined) s.angle = 2 * Math.PI;
}

const NAMES: Partial<Record<ActionKind, string>> = {
  standUp: 'stand up',
  lieDown: 'lie down',
  sitFloor: 'sit on the floor',
  shakeHead: 'shake head',
  lookAround: 'look around',
  crossArms: 'cross arms',
  jumpingJacks: 'jumping jacks',
  backward: 'walk backward',
  sidestep: 'sidestep',
  sit: 'sit down',
  pushUps: 'push-ups',
  sitUps: 'sit-ups',
  pickUp: 'pick up',
  putDown: 'put down',
  hitHead: 'hit reaction (head)',
  hitStomach: 'hit reaction (stomach)',
  hitBack: 'hit reaction (back)',
  catchBall: 'catch',
  readBook: 'read',
};

function deg(rad: number): string {
  return `${Math.round((Math.abs(rad) * 180) / Math.PI)}°`;
}

export function describeStep(s: PlanStep): string {
  const name = NAMES[s.action] ?? actionName(s.action);
  const bits: string[] = [];
  let head = name;
  if (LOCO.has(s.action)) {
    if (s.action === 'sidestep') head += (s.dir ?? 0) < 0 ? ' right' : ' left';
    else if (s.action !== 'backward') head += s.target === 'start' ? ' back to the start' : ' forward';
    bits.push(`${s.speedWord ? s.speedWord + ', ' : ''}${s.speed} m/s`);
    if (s.angle) bits.push(`curving ${s.angle > 0 ? 'left' : 'right'} ${deg(s.angle)}`);
  } else if (s.action === 'turn' || s.action === 'spin') {
    head += ` ${(s.angle ?? 0) >= 0 ? 'left' : 'right'} ${deg(s.angle ?? 0)}`;
  } else if (s.speedWord) bits.push(s.speedWord);
  if (s.action === 'climbLadder' && s.dir === Math.PI) head = 'climb down ladder';
  if (s.side !== undefined) bits.push(`${s.side === 0 ? 'left' : 'right'} ${/kick|hop|knee/i.test(s.action) ? 'leg' : 'hand'}`);
  if (s.prop) bits.push(`with ${s.prop}`);
  if (s.target && s.target !== 'start') bits.push(`at ${s.target}`);
  if (s.inPlace) bits.push('in place');
  if (s.intensity !== undefined && s.intensity !== 1) bits.push(s.intensity > 1 ? 'forceful' : 'gentle');
  if (s.both) bits.push('both hands');
  if (s.count !== undefined) bits.push(s.count === 1 ? 'once' : `${s.count} times`);
  if (s.distance !== undefined) bits.push(`${s.distance} m`);
  if (s.durationSec !== undefined) bits.push(`for ${s.durationSec} s`);
  if (s.height !== undefined) bits.push(`${s.height} m high`);
  if (s.action === 'jump' || s.action === 'hop') {
    if (s.dir === Math.PI) bits.unshift('backward');
    else if (s.dir === 0) bits.unshift('forward');
    if (s.angle) bits.push(`turning ${deg(s.angle)}`);
  }
  const main = bits.length ? `${head} (${bits.join(', ')})` : head;
  return s.with.length ? `${main} while ${s.with.map(describeStep).join(' and ')}` : main;
}
