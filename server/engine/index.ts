/**
 * Public API of the Kinema local motion engine: a pure library (no Node, DOM or React imports)
 * that turns prompts into motion data on a canonical humanoid skeleton, edits motion data, and
 * exports GLB/BVH. See docs/design/engine.md for the research and formulas behind each part.
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

// Edit operations (each returns new Motion objects; inputs are never modified).
export type { InpaintParams } from './edit/inpaint.ts';
export { inpaint } from './edit/inpaint.ts';
export type { MergeParams } from './edit/merge.ts';
export { merge, mergeLength } from './edit/merge.ts';
export type { LoopParams } from './edit/loop.ts';
export { loop } from './edit/loop.ts';
export type { AutoLoopResult } from './edit/autoLoop.ts';
export { autoLoop } from './edit/autoLoop.ts';
export type { RefineParams } from './edit/refine.ts';
export { refine } from './edit/refine.ts';

// Constraints (paths, key poses, pins) as a standalone pass on any motion; text2motion takes them too.
export type { Constraints, KeyPose, Pin, PathConstraint, PathWaypoint, Effector } from './constraints/types.ts';
export { applyConstraints } from './constraints/apply.ts';

// Post-processing as standalone operations on any motion.
export { footLock } from './post/footlock.ts';
export { poseFilter } from './post/filter.ts';
export { physicsFilter } from './post/physics.ts';

// Retargeting support: put a motion onto a body with the canonical topology but other bone lengths.
export type { RefitOptions } from './post/refitProportions.ts';
export { refitProportions, legLength } from './post/refitProportions.ts';
export { restWorldPositions } from './core/skeleton.ts';

// Fingers: hand shapes on any skeleton with VRM-named finger joints.
export type { HandShape } from './core/hands.ts';
export { HAND_SHAPES, applyHandShape, fingerJoints, handShapeQuats } from './core/hands.ts';
export { BODY_JOINT_COUNT } from './core/skeleton.ts';
