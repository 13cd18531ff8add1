/**
 * The local engine's action library: named, categorised actions, each defined as the prompt the
 * engine synthesises it from. The engine exports no list of its generators, so the catalog is data;
 * actionLibrary.test.ts checks that the engine understands every prompt in full.
 * Categories follow Meshy's (WalkAndRun, DailyActions, BodyMovements, Fighting, Dancing) so one
 * library browser serves both providers; ids are ours and stable (never reuse a retired id).
 */
import type { LibraryEntry } from '../../contract/api.ts';

export interface LocalAction extends LibraryEntry {
  /** What the engine is asked to synthesise. */
  prompt: string;
  /** Clip length in seconds; 0 lets the engine decide from the prompt. */
  durationSec: number;
}

type Row = [id: number, key: string, category: string, subCategory: string, prompt: string, durationSec: number];

const ROWS: Row[] = [
  [0, 'Idle', 'DailyActions', 'Idle', 'stand idle', 4],
  [1, 'Walking', 'WalkAndRun', 'Walking', 'walk forward', 4],
  [2, 'Running', 'WalkAndRun', 'Running', 'run forward', 3],
  [3, 'Slow_Walk', 'WalkAndRun', 'Walking', 'walk forward slowly', 5],
  [4, 'Jogging', 'WalkAndRun', 'Running', 'jog forward', 4],
  [5, 'Sprint', 'WalkAndRun', 'Running', 'run forward fast', 3],
  [6, 'Sneaking', 'WalkAndRun', 'Walking', 'sneak forward', 5],
  [7, 'Marching', 'WalkAndRun', 'Walking', 'march forward', 4],
  [8, 'Limping', 'WalkAndRun', 'Walking', 'limp forward', 5],
  [9, 'Walk_Backward', 'WalkAndRun', 'Walking', 'walk backward', 4],
  [10, 'Side_Step', 'WalkAndRun', 'Walking', 'step sideways', 3],
  [11, 'Tired_Walk', 'WalkAndRun', 'Walking', 'walk forward tiredly', 5],
  [12, 'Happy_Walk', 'WalkAndRun', 'Walking', 'walk forward happily', 4],
  [13, 'Turn_Around', 'DailyActions', 'Transitioning', 'turn around', 3],
  [14, 'Jump', 'BodyMovements', 'Jumping', 'jump', 2],
  [15, 'Hop', 'BodyMovements', 'Jumping', 'hop', 2],
  [16, 'Skipping', 'BodyMovements', 'Jumping', 'skip forward', 4],
  [17, 'Spin', 'Dancing', 'Dancing', 'spin', 3],
  [18, 'Sit_Down', 'DailyActions', 'Transitioning', 'sit down', 3],
  [19, 'Stand_Up', 'DailyActions', 'Transitioning', 'sit down then stand up', 5],
  [20, 'Crouch', 'DailyActions', 'Transitioning', 'crouch', 3],
  [21, 'Kneel', 'DailyActions', 'Transitioning', 'kneel', 3],
  [22, 'Lie_Down', 'DailyActions', 'Transitioning', 'lie down', 4],
  [23, 'Sit_On_Floor', 'DailyActions', 'Idle', 'sit on the floor', 4],
  [24, 'Wave_Hello', 'DailyActions', 'Interacting', 'wave hello', 3],
  [25, 'Clapping', 'DailyActions', 'Interacting', 'clap', 3],
  [26, 'Pointing', 'DailyActions', 'Interacting', 'point', 3],
  [27, 'Bow', 'DailyActions', 'Interacting', 'bow', 3],
  [28, 'Nod', 'DailyActions', 'Interacting', 'nod', 2],
  [29, 'Shake_Head', 'DailyActions', 'Interacting', 'shake head', 2],
  [30, 'Shrug', 'DailyActions', 'Interacting', 'shrug', 2],
  [31, 'Look_Around', 'DailyActions', 'LookingAround', 'look around', 4],
  [32, 'Cross_Arms', 'DailyActions', 'Idle', 'cross arms', 3],
  [33, 'Thinking', 'DailyActions', 'Idle', 'think', 4],
  [34, 'Salute', 'BodyMovements', 'Acting', 'salute', 3],
  [35, 'Cheer', 'BodyMovements', 'Acting', 'cheer', 3],
  [36, 'Stretch', 'BodyMovements', 'Exercising', 'stretch', 4],
  [37, 'Jumping_Jacks', 'BodyMovements', 'Exercising', 'jumping jacks', 4],
  [38, 'Squat', 'BodyMovements', 'Exercising', 'squat', 3],
  [39, 'Punch', 'Fighting', 'Punching', 'punch', 2],
  [40, 'Kick', 'Fighting', 'Kicking', 'kick', 2],
  [41, 'Angry_Punch', 'Fighting', 'Punching', 'punch angrily', 2],
  [42, 'Dance', 'Dancing', 'Dancing', 'dance', 5],
  [43, 'Happy_Dance', 'Dancing', 'Dancing', 'dance happily', 5],
];

export const LOCAL_ACTIONS: readonly LocalAction[] = ROWS.map(([id, key, category, subCategory, prompt, durationSec]) => ({
  id,
  name: key.replace(/_/g, ' '),
  key,
  category,
  subCategory,
  prompt,
  durationSec,
}));

const BY_ID = new Map(LOCAL_ACTIONS.map((a) => [a.id, a]));

export function localAction(id: number): LocalAction | undefined {
  return BY_ID.get(id);
}

/** The two clips a rig job adds next to the rigged character, mirroring Meshy's free walk/run. */
export const RIG_BASIC_ACTIONS = [1, 2] as const;

export function toLibraryEntry(a: LocalAction): LibraryEntry {
  return { id: a.id, name: a.name, key: a.key, category: a.category, subCategory: a.subCategory };
}
