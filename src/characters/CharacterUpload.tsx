/**
 * Adds a character: drag a GLB, VRM or FBX onto the zone or pick one. The file is checked here (format, size),
 * then sent raw to POST /api/characters, which sniffs what it really is and names it after the file.
 */
import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import type { UploadedCharacter } from '../api/client.ts';
import { describeError } from '../api/client.ts';
import { Spinner } from '../ui/Spinner.tsx';
import { characterFileProblem, characterNameFrom } from './characterFiles.ts';
import { useUploadCharacter } from './useCharacterMutations.ts';

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function CharacterUpload({ onUploaded }: { onUploaded: (c: UploadedCharacter) => void }) {
  const upload = useUploadCharacter();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const start = (files: File[]) => {
    const file = files[0];
    if (!file || upload.isPending) return;
    const p = characterFileProblem(file);
    setProblem(p ?? (files.length > 1 ? `One character at a time: uploading "${file.name}" only.` : null));
    if (p) return;
    upload.mutate({ file, name: characterNameFrom(file.name) }, { onSuccess: onUploaded });
  };

  const error = problem ?? (upload.error ? describeError(upload.error) : null);

  return (
    <div>
      <div
        data-testid="character-drop"
        data-over={over}
        onDragEnter={(e) => {
          if (hasFiles(e)) {
            e.preventDefault();
            setOver(true);
          }
        }}
        onDragOver={(e) => {
          if (hasFiles(e)) {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
          }
        }}
        onDragLeave={(e) => {
          // Leaving for a child element is not leaving the zone.
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
        }}
        onDrop={(e) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          setOver(false);
          start(Array.from(e.dataTransfer.files));
        }}
        className={`flex items-center gap-2 rounded-md border border-dashed px-2.5 py-2 text-[12px] transition-colors ${
          over ? 'border-accent bg-accent/10 text-fg' : 'border-line-strong text-muted'
        }`}
      >
        {upload.isPending ? (
          <>
            <Spinner size={12} /> Uploading {upload.variables?.file.name}…
          </>
        ) : (
          <span className="min-w-0 flex-1">
            Drop a GLB, VRM or FBX character here, or{' '}
            <button type="button" className="font-medium text-accent underline-offset-2 hover:underline" onClick={() => input.current?.click()} data-testid="character-file-button">
              choose a file
            </button>
          </span>
        )}
        <input
          ref={input}
          type="file"
          accept=".glb,.vrm,.fbx"
          className="hidden"
          data-testid="character-file-input"
          onChange={(e) => {
            start(Array.from(e.target.files ?? []));
            // The same file chosen again (after deleting it) must fire a change.
            e.target.value = '';
          }}
        />
      </div>
      {error && (
        <p role="alert" data-testid="character-upload-error" className="mt-1 text-[12px] leading-snug text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
