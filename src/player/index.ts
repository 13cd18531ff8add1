/** The player feature's public entry: all that other features and app/ may import from player/. */
export { usePlayerOptions } from './playerOptions.ts';
export { resetSubjectInfo, subjectInfo } from './subjectInfo.ts';
export type { Span } from './subjectInfo.ts';
export { viewportProbe } from './viewportProbe.ts';
export type { ShownProxy } from './viewportProbe.ts';
