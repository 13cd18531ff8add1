/** The player feature's public entry: what other features use (they import nothing else of player/). */
export { usePlayerOptions } from './playerOptions.ts';
export { resetSubjectInfo, subjectInfo } from './subjectInfo.ts';
export type { Span } from './subjectInfo.ts';
export { viewportProbe } from './viewportProbe.ts';
export type { ShownProxy } from './viewportProbe.ts';
