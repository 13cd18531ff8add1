/**
 * Public API of the Kinema local motion engine: a pure library (no Node, DOM or React imports)
 * that turns prompts into motion data on a canonical humanoid skeleton, edits motion data, and
 * exports GLB/BVH. See shared/design/engine.md for the research and formulas behind each part.
 */
export type { Motion } from './core/motion.ts';
export { motionDurationSec } from './core/motion.ts';
export type { Skeleton } from './core/skeleton.ts';
export { CANONICAL as CANONICAL_SKELETON } from './core/skeleton.ts';
export type { FootLockingMode } from './post/footlock.ts';
export type { Text2MotionParams, PromptReport, EngineProgress } from './text2motion.ts';
export { text2motion } from './text2motion.ts';
export { exportGlb } from './io/glb.ts';
export { exportBvh } from './io/bvh.ts';
export { encodeMotion, decodeMotion } from './io/encode.ts';
