/** The library feature's public entry: all that other features and app/ may import from library/. */
export { LibraryBrowser } from './LibraryBrowser.tsx';
export { actionDisplayName } from './libraryText.ts';
