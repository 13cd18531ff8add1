/**
 * Physical facts the object, sports, dance, gesture and idle actions must show, per id, measured on
 * the exported BVH by `eval/physicsPredicates.ts` (the library test merges them into its table).
 */
import type { PhysicsExpect } from '../eval/physicsPredicates.ts';

/** What the words mean physically, per id (metres; hands are wrists, so "near the head" allows a hand's length). */
export const EVERYDAY_FACTS: Record<string, PhysicsExpect> = {
  // Objects: hands reach the floor for boxes, the mouth for food and drink, the ear for a phone.
  pickUp: { handBelowKnee: true, handsWithin: 0.45 }, putDown: { handBelowKnee: true }, lift: { handBelowKnee: true, handAboveHead: true },
  carry: { travel: [0.8, 5], handsWithin: 0.45 }, push: { travel: [0.5, 5] }, pull: { travel: [0.5, 5] },
  throwOverhand: { handAboveHead: true }, catchBall: { handsWithin: 0.2 }, hammer: { inPlace: true },
  eat: { handNearHead: 0.2 }, phoneCall: { handNearHead: 0.2 }, brushTeeth: { handNearHead: 0.2 },
  comb: { handNearHead: 0.26 }, takePhoto: { handNearHead: 0.3, handsWithin: 0.2 }, readBook: { handsWithin: 0.3 }, stir: { handsWithin: 0.2 },
  // Sports: both hands on one grip, overhead releases, real flight, strokes near the floor.
  golfSwing: { handsWithin: 0.1, inPlace: true }, golfPutt: { handsWithin: 0.1, inPlace: true }, baseballSwing: { handsWithin: 0.1 },
  hockeySlapShot: { inPlace: true }, baseballPitch: { handAboveHead: true }, tennisServe: { handAboveHead: true }, cricketBowl: { handAboveHead: true, travel: [0.8, 3] },
  basketballShot: { handAboveHead: true, airborneFrames: 3, inPlace: true }, volleyballSpike: { handAboveHead: true, airborneFrames: 3 },
  volleyballBump: { handsWithin: 0.1, inPlace: true }, basketballDribble: { inPlace: true },
  swimFreestyle: { hipsBelow: 0.35, travel: [1, 8] }, swimBreaststroke: { hipsBelow: 0.35, travel: [1, 8] }, swimBackstroke: { hipsBelow: 0.35, travel: [1, 8] },
  rowing: { hipsBelow: 0.45 }, bowling: { travel: [0.8, 3], hipsBelow: 0.7 }, archery: { handNearHead: 0.15, inPlace: true },
  jumpRope: { inPlace: true }, hulaHoop: { inPlace: true }, skiing: { travel: [1.5, 20] }, skateboard: { travel: [1, 10] },
  // Dances stay on the spot (a waltz box closes on itself); some reach up or meet the hands.
  waltz: { inPlace: true }, hipHop: { inPlace: true }, robot: { inPlace: true }, salsa: { inPlace: true }, disco: { inPlace: true, handAboveHead: true },
  ballet: { inPlace: true, handAboveHead: true }, breakdance: { inPlace: true }, twist: { inPlace: true }, slowDance: { inPlace: true },
  macarena: { inPlace: true }, chickenDance: { inPlace: true, handsWithin: 0.1 }, headbang: { inPlace: true }, shuffleDance: { inPlace: true },
  // Gestures.
  facepalm: { handNearHead: 0.2 }, cry: { handNearHead: 0.2 }, shush: { handNearHead: 0.2 }, callOut: { handNearHead: 0.2, handsWithin: 0.2 },
  yawn: { handNearHead: 0.25 }, blowKiss: { handNearHead: 0.22 }, scratchHead: { handNearHead: 0.22 }, wipeForehead: { handNearHead: 0.22 },
  coverEars: { handNearHead: 0.15, handsWithin: 0.3 }, dab: { handNearHead: 0.2 }, pray: { handsWithin: 0.06 }, clapOverhead: { handAboveHead: true, handsWithin: 0.08 },
  armsUp: { handAboveHead: true }, fistPump: { handAboveHead: true }, victory: { handAboveHead: true }, hug: { handsWithin: 0.3 },
  kneelPray: { hipsBelow: 0.6, handsWithin: 0.06 }, celebrate: { airborneFrames: 3, handAboveHead: true }, curtsy: { hipsBelow: 0.85 },
  // Idles.
  stretchIdle: { handAboveHead: true, handsWithin: 0.1 }, tired: { hipsBelow: 0.9 }, balanceOneFoot: { inPlace: true }, cold: { inPlace: true, handsWithin: 0.4 },
};
