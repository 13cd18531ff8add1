/** The library feature's public entry: what other features use (they import nothing else of library/). */
export { LibraryBrowser } from './LibraryBrowser.tsx';
export { actionDisplayName } from './libraryText.ts';
