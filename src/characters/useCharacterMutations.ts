/** Upload and delete characters; both refresh every provider's character list (uploads are shared). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { characterContentType } from './characterFiles.ts';

export function useUploadCharacter() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ['characters', 'upload'],
    mutationFn: ({ file, name }: { file: File; name: string }) => api.uploadCharacter(file, name, characterContentType(file.name)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['characters'] }),
  });
}

export function useDeleteCharacter() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ['characters', 'delete'],
    mutationFn: (id: string) => api.deleteCharacter(id),
    onSettled: () => qc.invalidateQueries({ queryKey: ['characters'] }),
  });
}
