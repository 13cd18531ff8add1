/** The dropzone feature's public entry: what other features use (they import nothing else of dropzone/). */
export { DropTarget } from './DropTarget.tsx';
export { LocalFileBar } from './LocalFileBar.tsx';
export { LocalFilePanel } from './LocalFilePanel.tsx';
export { localFiles, onLocalFileReleased, useLocalFiles } from './localFiles.ts';
export { sniffFormat } from './sniffFormat.ts';
export type { ModelFormat } from './sniffFormat.ts';
