/**
 * A slice of Meshy's animation library for the contract server (ids, names and categories as the
 * Meshy docs list them in shared/contracts/meshy.md §3.8, plus two ids used in official examples).
 */
export interface ContractLibraryEntry {
  action_id: number;
  name: string;
  key: string;
  category: string;
  sub_category: string;
  preview_url: string;
}

const ROWS: Array<[number, string, string, string]> = [
  [0, 'Idle', 'DailyActions', 'Idle'],
  [1, 'Walking_Woman', 'WalkAndRun', 'Walking'],
  [2, 'Alert', 'DailyActions', 'LookingAround'],
  [4, 'Attack', 'Fighting', 'AttackingwithWeapon'],
  [8, 'Dead', 'Fighting', 'Dying'],
  [14, 'Run_02', 'WalkAndRun', 'Running'],
  [16, 'RunFast', 'WalkAndRun', 'Running'],
  [22, 'FunnyDancing_01', 'Dancing', 'Dancing'],
  [25, 'Agree_Gesture', 'DailyActions', 'Interacting'],
  [28, 'Big_Wave_Hello', 'DailyActions', 'Interacting'],
  [30, 'Casual_Walk', 'WalkAndRun', 'Walking'],
  [41, 'Formal_Bow', 'DailyActions', 'Interacting'],
  [59, 'Victory_Cheer', 'BodyMovements', 'Acting'],
  [92, 'Double_Combo_Attack', 'Fighting', 'AttackingwithWeapon'],
  [466, 'Regular_Jump', 'BodyMovements', 'Jumping'],
];

export const CONTRACT_LIBRARY: ContractLibraryEntry[] = ROWS.map(([action_id, name, category, sub_category]) => ({
  action_id,
  name,
  key: name,
  category,
  sub_category,
  preview_url: `https://cdn.meshy.ai/webapp-assets/feature-demo/animation/preview/biped/${name}.gif`,
}));
