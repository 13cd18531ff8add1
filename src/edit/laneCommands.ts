/** Keyboard → edit lane commands, without the shortcut hook importing the lane component. The lane registers when mounted. */
type ZoomHandler = (factor: number) => void;

let zoomHandler: ZoomHandler | null = null;

export const laneCommands = {
  onZoom(fn: ZoomHandler): () => void {
    zoomHandler = fn;
    return () => {
      if (zoomHandler === fn) zoomHandler = null;
    };
  },
  /** Zoom around the playhead; factor > 1 zooms in. */
  zoomBy(factor: number): void {
    zoomHandler?.(factor);
  },
};
