/**
 * Makes its children a drop target for GLB/glTF/FBX/BVH files (three-gltf-viewer and the three.js editor set the
 * expectation: drag a file onto the view and it plays). Shows what will happen while dragging.
 */
import { useRef, useState } from 'react';
import type { DragEvent, ReactNode } from 'react';
import { localFiles } from './localFiles.ts';

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function DropTarget({ children }: { children: ReactNode }) {
  const [over, setOver] = useState(false);
  // dragenter/leave fire for every child element crossed; count them so the overlay does not flicker.
  const depth = useRef(0);

  return (
    <div
      data-testid="drop-target"
      className="relative h-full w-full"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        void localFiles.open(Array.from(e.dataTransfer.files));
      }}
    >
      {children}
      {over && (
        <div className="pointer-events-none absolute inset-2 z-30 grid place-items-center rounded-xl border-2 border-dashed border-accent/80 bg-accent/10 backdrop-blur-[1px]">
          <div className="rounded-lg bg-panel/90 px-4 py-3 text-center shadow-xl">
            <p className="font-medium text-fg">Drop to preview</p>
            <p className="mt-0.5 text-[12px] text-muted">GLB, glTF (with its .bin and textures), FBX or BVH</p>
          </div>
        </div>
      )}
    </div>
  );
}
