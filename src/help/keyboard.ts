/**
 * Every studio shortcut in one list: the help overlay (press ?) renders it, so what it shows is what the
 * handlers do. Handlers live next to what they drive (timeline/usePlaybackShortcuts.ts for transport,
 * edit/useEditShortcuts.ts for ranges and views); keep this list in step when adding one.
 */

interface Shortcut {
  keys: string[];
  does: string;
}

export interface ShortcutGroup {
  title: string;
  items: Shortcut[];
}

export const SHORTCUTS: ShortcutGroup[] = [
  {
    title: 'Playback',
    items: [
      { keys: ['Space'], does: 'Play / pause' },
      { keys: ['←', '→'], does: 'Previous / next frame' },
      { keys: ['Shift', '← →'], does: '10 frames back / forward' },
      { keys: ['Home', 'End'], does: 'First / last frame' },
      { keys: ['J'], does: 'Play backwards (again: faster)' },
      { keys: ['K'], does: 'Stop shuttling, pause' },
      { keys: ['L'], does: 'Play forwards (again: faster)' },
      { keys: ['Shift', 'L'], does: 'Play mode: loop → once → ping-pong' },
      { keys: ['[', ']'], does: 'Play range: in / out at the playhead' },
    ],
  },
  {
    title: 'Editing',
    items: [
      { keys: ['I'], does: 'Mark in: start a range at the playhead' },
      { keys: ['O'], does: 'Mark out: finish the range (opens Inpaint)' },
      { keys: ['Drag'], does: 'Drag on the edit lane to add a range' },
      { keys: ['Ctrl', 'Wheel'], does: 'Zoom the edit lane around the pointer' },
      { keys: ['=', '-'], does: 'Zoom the edit lane in / out at the playhead' },
      { keys: ['Esc'], does: 'Close the edit dialog, then clear ranges' },
    ],
  },
  {
    title: 'Views',
    items: [
      { keys: ['1', '…', '8'], does: 'Show variant 1–8' },
      { keys: ['G'], does: 'All variants side by side' },
      { keys: ['C'], does: 'A/B compare with the parent take' },
      { keys: ['V'], does: 'A/B: split view / toggle' },
      { keys: ['B'], does: 'A/B toggle: flip between A and B' },
      { keys: ['F'], does: 'Frame the character' },
      { keys: ['?'], does: 'Show this help' },
    ],
  },
];
