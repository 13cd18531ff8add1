/** The render feature's public entry: what other features use (they import nothing else of render/). */
export { createBlobShadow } from './BlobShadow.ts';
export { RecordViewportButton } from './RecordViewportButton.tsx';
export { RenderDialog } from './RenderDialog.tsx';
export { RenderVideoButton } from './RenderVideoButton.tsx';
export { RenderVideoPreview, hasRenderVideo } from './RenderVideoPreview.tsx';
export { useRenderProvider } from './renderProvider.ts';
