/** The help feature's public entry: what other features use (they import nothing else of help/). */
export { HelpOverlay } from './HelpOverlay.tsx';
export { useHelp } from './helpStore.ts';
