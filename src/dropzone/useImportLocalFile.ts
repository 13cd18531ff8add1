/**
 * "Use as source" for the dropped file: uploads it to POST /api/imports, which makes it a take (an import job),
 * then shows that take in place of the file, selected, with every job tool available.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { api } from '../api/client.ts';
import { applyJob } from '../api/applyJob.ts';
import { subjectInfo } from '../player/index.ts';
import { useEditor } from '../state/editorStore.ts';
import { localFiles, useLocalFiles } from './localFiles.ts';
import type { LocalFile } from './localFiles.ts';

/** Why a file cannot be imported as it is, or null when it can. */
function importBlocker(file: LocalFile, takes: number): string | null {
  if (file.format === 'gltf') return 'A .gltf with separate files cannot be uploaded as one file: export it as GLB (or FBX, BVH) to use it as a source.';
  if (takes === 0) return 'This file has no animation to use as a source.';
  return null;
}

export function useImportLocalFile() {
  const qc = useQueryClient();
  const file = useLocalFiles((s) => s.file);
  const take = useLocalFiles((s) => s.take);
  const info = useStore(
    subjectInfo,
    useShallow((s) => ({ key: s.key, take: s.take, takes: s.takes.length })),
  );
  const current = file !== null && info.key === file.url;
  const mutation = useMutation({
    mutationFn: async (f: LocalFile) => {
      const blob = await (await fetch(f.url)).blob();
      return api.importClip(blob, f.name, take ?? info.take ?? 0);
    },
    onSuccess: (job) => {
      applyJob(qc, job);
      useEditor.getState().selectJob(job.id, 1);
      localFiles.close();
    },
  });
  const blocker = file ? (current ? importBlocker(file, info.takes) : 'Loading the file…') : 'No file is open.';
  return { file, blocker, mutation, run: () => file && !blocker && mutation.mutate(file) };
}
