/** The dropzone feature's public entry: all that other features and app/ may import from dropzone/. */
export { DropTarget } from './DropTarget.tsx';
export { LocalFileBar } from './LocalFileBar.tsx';
export { LocalFilePanel } from './LocalFilePanel.tsx';
export { localFiles, onLocalFileReleased, useLocalFiles } from './localFiles.ts';
export { sniffFormat } from './sniffFormat.ts';
export type { ModelFormat } from './sniffFormat.ts';
