/** The timeline feature's public entry: all that other features and app/ may import from timeline/. */
export { Timeline } from './Timeline.tsx';
export { usePlaybackShortcuts } from './usePlaybackShortcuts.ts';
