/**
 * Commands from the DOM UI (first chunk) to the lazily loaded 3D viewport, without importing it.
 * The viewport registers handlers when it mounts.
 */
type Command = 'frame';

const handlers = new Map<Command, () => void>();

export const viewportCommands = {
  on(cmd: Command, fn: () => void): () => void {
    handlers.set(cmd, fn);
    return () => {
      if (handlers.get(cmd) === fn) handlers.delete(cmd);
    };
  },
  frame(): void {
    handlers.get('frame')?.();
  },
};
