/**
 * What the live parse preview knows that Generate needs: whether the local engine read nothing in the current
 * prompt, and whether the user explicitly accepted standing-idle takes for it. Reset whenever the prompt changes.
 */
import { create } from 'zustand';
import type { ParsePromptResponse } from '../../server/contract/promptParse.ts';

interface ParsePreviewState {
  /** The preview's reading of `prompt`, or null while none has arrived for it. */
  prompt: string;
  understanding: ParsePromptResponse['understanding'] | null;
  acceptIdle: boolean;
  setReading: (prompt: string, understanding: ParsePromptResponse['understanding'] | null) => void;
  setAcceptIdle: (v: boolean) => void;
}

export const useParsePreview = create<ParsePreviewState>()((set) => ({
  prompt: '',
  understanding: null,
  acceptIdle: false,
  setReading: (prompt, understanding) =>
    set((s) => (s.prompt === prompt && s.understanding === understanding ? s : { prompt, understanding, acceptIdle: s.prompt === prompt ? s.acceptIdle : false })),
  setAcceptIdle: (acceptIdle) => set({ acceptIdle }),
}));

/** True when Generate must not send a local job yet: the engine read no action and the user has not accepted idle takes. */
export function needsIdleConfirmation(provider: string, prompt: string): boolean {
  const s = useParsePreview.getState();
  return provider === 'local' && s.prompt === prompt && s.understanding === 'nothing' && !s.acceptIdle;
}
