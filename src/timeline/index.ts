/** The timeline feature's public entry: what other features use (they import nothing else of timeline/). */
export { Timeline } from './Timeline.tsx';
export { usePlaybackShortcuts } from './usePlaybackShortcuts.ts';
