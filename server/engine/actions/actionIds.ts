/**
 * The local engine's action vocabulary: every action id the prompt reader may plan and the motion
 * library must be able to synthesize, with its category and how it combines with other actions.
 *
 * This list is the contract between the two halves of the engine: `prompt/` maps words to these ids
 * (with phrases, synonyms and parameters), and the action library (`actions/`) maps each id to motion
 * (a data-authored action or one of the procedural generators). A test checks both sides cover every id.
 *
 * `layer`: 'full' actions own the whole body for their segment; 'upper' actions are gestures that can
 * run alone (on an idle base) or layered over locomotion ("walks while waving"); 'locomotion' actions
 * move the root with a gait and can carry an upper-body layer.
 */
export type ActionCategory = 'locomotion' | 'terrain' | 'posture' | 'object' | 'sports' | 'combat' | 'acrobatics' | 'fitness' | 'dance' | 'gesture' | 'fall' | 'idle';

type ActionLayer = 'full' | 'upper' | 'locomotion';

export interface ActionIdEntry {
  readonly id: string;
  readonly category: ActionCategory;
  readonly layer: ActionLayer;
}

const L = (category: ActionCategory, layer: ActionLayer, ids: string): ActionIdEntry[] =>
  ids
    .trim()
    .split(/\s+/)
    .map((id) => ({ id, category, layer }));

export const ACTION_IDS: readonly ActionIdEntry[] = [
  // Gaits and travel (the procedural gait runtime).
  ...L(
    'locomotion',
    'locomotion',
    `walk run jog sneak limp march shuffle sidestep backward skip tiptoe strut
    stagger zombieWalk moonwalk crouchWalk drunkWalk injuredWalk swagger powerWalk`,
  ),
  ...L(
    'locomotion',
    'full',
    `turn spin runInPlace walkInPlace jump hop leap longJump jumpInPlace vault
    crawl commandoCrawl`,
  ),
  // Terrain with real height change (shown on proxy geometry in the viewport).
  ...L('terrain', 'full', `stairsUp stairsDown climbLadder stepUp stepDown climbWall jumpDown balanceBeam`),
  // Getting down and up.
  ...L(
    'posture',
    'full',
    `idle sit standUp crouch kneel lieDown sitFloor squat getUp sitCrossLegged
    lieOnBack lieOnSide`,
  ),
  // Object interaction (props with attachment points).
  ...L(
    'object',
    'full',
    `pickUp putDown carry push pull lift sweep dig hammer openDoor knockDoor
    throwOverhand throwUnderhand catchBall`,
  ),
  ...L(
    'object',
    'upper',
    `drink eat phoneCall type readBook write pour stir checkPhone takePhoto
    brushTeeth comb wipe`,
  ),
  // Sports.
  ...L(
    'sports',
    'full',
    `golfSwing golfPutt baseballSwing baseballPitch tennisForehand tennisBackhand
    tennisServe basketballDribble basketballShot soccerPass soccerShot volleyballSpike volleyballBump
    swimFreestyle swimBreaststroke swimBackstroke rowing bowling archery jumpRope skiing skateboard
    hulaHoop cricketBowl hockeySlapShot`,
  ),
  // Combat: distinct strikes, defences and reactions.
  ...L(
    'combat',
    'full',
    `punch jab cross hook uppercut elbowStrike kneeStrike kick frontKick sideKick
    roundhouseKick backKick block dodge duck fightStance swordSlash swordStab swordParry rifleAim
    rifleFire pistolAim pistolFire hitHead hitStomach hitBack knockdown`,
  ),
  // Acrobatics and floor work.
  ...L(
    'acrobatics',
    'full',
    `cartwheel forwardRoll backwardRoll somersault backflip handstand
    kipUp aerial`,
  ),
  // Fitness and movement practice.
  ...L(
    'fitness',
    'full',
    `pushUps sitUps burpees lunges plank jumpingJacks mountainClimbers stretch
    yogaTree yogaWarrior yogaDownwardDog yogaChild taiChi highKnees toeTouch armCircles`,
  ),
  // Dance styles.
  ...L(
    'dance',
    'full',
    `dance waltz hipHop robot salsa disco ballet breakdance twist slowDance
    macarena chickenDance headbang shuffleDance`,
  ),
  // Gestures and emotes (upper body; layer over locomotion).
  ...L(
    'gesture',
    'upper',
    `wave clap point bow nod shakeHead shrug salute cheer crossArms think
    lookAround facepalm thumbsUp airGuitar pray cry laugh beckon stopHand blowKiss fistPump
    checkWatch scratchHead handsOnHips flex victory wipeForehead yawn callOut shush armsUp
    clapOverhead dab coverEars`,
  ),
  ...L('gesture', 'full', `hug curtsy kneelPray celebrate`),
  // Falls, reactions and death.
  ...L(
    'fall',
    'full',
    `stumble trip slip fallForward fallBackward fallSide faint death flinch
    recoil`,
  ),
  // Idles and moods.
  ...L(
    'idle',
    'full',
    `balanceOneFoot tired bored cold impatient nervous breatheHeavy stretchIdle
    guard sleepy lookUp waitIdle`,
  ),
];

export type ActionId = string;

const BY_ID = new Map(ACTION_IDS.map((e) => [e.id, e]));

export function actionEntry(id: ActionId): ActionIdEntry | undefined {
  return BY_ID.get(id);
}

export function isActionId(id: string): id is ActionId {
  return BY_ID.has(id);
}
