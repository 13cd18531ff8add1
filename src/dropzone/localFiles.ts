/**
 * Files dropped on the viewport (or opened with the file picker): what the viewport shows instead of the selected
 * job, and the character dropped motion is retargeted onto. Object URLs are created here and revoked when a file
 * is replaced, so a session of dropping files does not leak memory.
 * First-chunk code: it only sniffs the first bytes; parsing happens in the lazily loaded 3D chunk.
 */
import { create } from 'zustand';
import { SIDECAR_EXTENSIONS, extensionOf, formatFromName, sniffFormat } from './sniffFormat.ts';
import type { ModelFormat } from './sniffFormat.ts';

export interface LocalFile {
  /** Unique per drop (the object URL). */
  url: string;
  name: string;
  format: ModelFormat;
  bytes: number;
  /** Side files of a .gltf (file name → object URL); null for self-contained files. */
  resources: ReadonlyMap<string, string> | null;
  /** Dropped by the user, or an uploaded character picked for a preview. */
  origin: 'drop' | 'character';
}

interface LocalFilesState {
  /** Shown in the viewport instead of the selected job; null = show the job. */
  file: LocalFile | null;
  /** A rigged character (dropped earlier) that motion-only files are shown on. */
  character: LocalFile | null;
  /** Take to play when the file has several; null = the file's default. */
  take: number | null;
  /** Why the last drop was refused before loading (not a model file, too large…). */
  error: string | null;
}

/** Larger files would stall the tab while parsing; glTF/FBX animation files are far smaller in practice. */
const MAX_DROP_BYTES = 300 * 1024 * 1024;

export const useLocalFiles = create<LocalFilesState>()(() => ({ file: null, character: null, take: null, error: null }));

const releaseListeners = new Set<(url: string) => void>();

/** The 3D chunk listens so it can drop parsed copies of files that are gone. */
export function onLocalFileReleased(fn: (url: string) => void): () => void {
  releaseListeners.add(fn);
  return () => releaseListeners.delete(fn);
}

function release(f: LocalFile | null): void {
  if (!f) return;
  const { file, character } = useLocalFiles.getState();
  // A file can be both the one shown and the character; revoke only when neither slot keeps it.
  if (file?.url === f.url || character?.url === f.url) return;
  for (const u of [f.url, ...(f.resources?.values() ?? [])]) {
    URL.revokeObjectURL(u);
    for (const fn of releaseListeners) fn(u);
  }
}

async function toLocalFile(main: File, all: readonly File[], origin: LocalFile['origin'] = 'drop'): Promise<LocalFile | string> {
  if (main.size > MAX_DROP_BYTES) return `"${main.name}" is ${(main.size / 2 ** 20).toFixed(0)} MB; files up to ${MAX_DROP_BYTES / 2 ** 20} MB can be previewed.`;
  const head = new Uint8Array(await main.slice(0, 1024).arrayBuffer());
  const sniff = sniffFormat(head, main.name);
  if ('error' in sniff) return sniff.error;
  let resources: Map<string, string> | null = null;
  if (sniff.format === 'gltf') {
    resources = new Map();
    for (const f of all) if ((SIDECAR_EXTENSIONS as readonly string[]).includes(extensionOf(f.name))) resources.set(f.name, URL.createObjectURL(f));
  }
  return { url: URL.createObjectURL(main), name: main.name, format: sniff.format, bytes: main.size, resources, origin };
}

export const localFiles = {
  /**
   * Opens dropped files. One model file is shown; a motion file dropped together with a GLB/glTF character is
   * shown on that character. Anything else gets a message instead of a blank canvas.
   */
  async open(files: readonly File[]): Promise<void> {
    const models = files.filter((f) => formatFromName(f.name) !== null);
    const candidates = models.length > 0 ? models : files.filter((f) => !(SIDECAR_EXTENSIONS as readonly string[]).includes(extensionOf(f.name)));
    if (candidates.length === 0) {
      useLocalFiles.setState({
        error: files.length ? `None of the dropped files is a GLB, glTF, FBX or BVH file (${files.map((f) => f.name).join(', ')}).` : 'Nothing was dropped.',
      });
      return;
    }
    const motion = candidates.find((f) => ['bvh', 'fbx'].includes(extensionOf(f.name)));
    const character = candidates.length > 1 ? candidates.find((f) => ['glb', 'gltf'].includes(extensionOf(f.name))) : undefined;
    const main = motion && character ? motion : candidates[0]!;
    const opened = await toLocalFile(main, files);
    if (typeof opened === 'string') {
      useLocalFiles.setState({ error: opened });
      return;
    }
    const prev = useLocalFiles.getState();
    let nextCharacter = prev.character;
    if (motion && character) {
      const c = await toLocalFile(character, files);
      if (typeof c !== 'string') nextCharacter = c;
    }
    useLocalFiles.setState({ file: opened, character: nextCharacter, take: null, error: null });
    release(prev.file);
    if (nextCharacter !== prev.character) release(prev.character);
  },

  /** Shows an uploaded character (its model file from the server) in the viewport, as a preview. */
  async previewCharacter(c: { name: string; modelUrl?: string | undefined }): Promise<void> {
    if (!c.modelUrl) return;
    try {
      const res = await fetch(c.modelUrl);
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      const ext = (res.headers.get('content-type') ?? '').includes('gltf') ? 'glb' : 'fbx';
      const opened = await toLocalFile(new File([await res.blob()], `${c.name}.${ext}`), [], 'character');
      if (typeof opened === 'string') throw new Error(opened);
      const prev = useLocalFiles.getState().file;
      useLocalFiles.setState({ file: opened, take: null, error: null });
      release(prev);
    } catch (err) {
      useLocalFiles.setState({ error: `The character "${c.name}" could not be shown: ${(err as Error).message}.` });
    }
  },

  /** Back to the selected job. The character stays for the next dropped clip. */
  close(): void {
    const prev = useLocalFiles.getState().file;
    useLocalFiles.setState({ file: null, take: null, error: null });
    release(prev);
  },

  setTake(take: number): void {
    useLocalFiles.setState({ take });
  },

  /** The shown file is a rigged character: keep it as the target for motion files dropped next. */
  useAsCharacter(): void {
    const { file, character } = useLocalFiles.getState();
    if (!file || file.url === character?.url) return;
    useLocalFiles.setState({ character: file });
    release(character);
  },

  clearCharacter(): void {
    const prev = useLocalFiles.getState().character;
    useLocalFiles.setState({ character: null });
    release(prev);
  },

  dismissError(): void {
    useLocalFiles.setState({ error: null });
  },
};
