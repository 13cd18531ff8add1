/** The help feature's public entry: all that other features and app/ may import from help/. */
export { HelpOverlay } from './HelpOverlay.tsx';
export { useHelp } from './helpStore.ts';
