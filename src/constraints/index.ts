/** The constraints feature's public entry: all that other features and app/ may import from constraints/. */
export { ConstraintMarks } from './ConstraintMarks.tsx';
export { ConstraintsPanel } from './ConstraintsPanel.tsx';
export { useConstraints, withConstraints } from './constraintsStore.ts';
export type { Effector, HandleKind, ViewAxis } from './constraintsStore.ts';
export { jointIndex, useTakeClip } from './takeClip.ts';
