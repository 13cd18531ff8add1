/** The render feature's public entry: all that other features and app/ may import from render/. */
export { createBlobShadow } from './BlobShadow.ts';
export { RecordViewportButton } from './RecordViewportButton.tsx';
export { RenderDialog } from './RenderDialog.tsx';
export { RenderVideoButton } from './RenderVideoButton.tsx';
export { RenderVideoPreview, hasRenderVideo } from './RenderVideoPreview.tsx';
export { useRenderProvider } from './renderProvider.ts';
