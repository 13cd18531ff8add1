/**
 * POST /api/prompt/parse: how the local engine reads a prompt, for the composer's live preview — the planned
 * steps (chips), ignored words, clauses it could not read with the nearest library actions, ambiguous readings,
 * and whether it understood all, part or nothing of the prompt. Free of Node and React imports: the SPA imports it.
 */
import { z } from 'zod';
import { MAX_PROMPT_CHARS } from './api.ts';

export const ParsePromptRequest = z.strictObject({
  prompt: z.string({ error: 'prompt is required: the prompt to read' }).max(MAX_PROMPT_CHARS, { error: `prompt is too long: keep it under ${MAX_PROMPT_CHARS} characters` }),
});
export type ParsePromptRequest = z.infer<typeof ParsePromptRequest>;

/** A library action offered instead of an unread clause: its id, a label, and a phrase that reads as it. */
export const ActionSuggestion = z.object({ action: z.string(), label: z.string(), phrase: z.string() });
export type ActionSuggestion = z.infer<typeof ActionSuggestion>;

const Chip = z.object({ action: z.string(), label: z.string() });

const PROMPT_UNDERSTANDING = ['all', 'part', 'nothing', 'empty'] as const;

export const ParsePromptResponse = z.object({
  /** 'all': every clause became an action; 'part': some clauses were not understood; 'nothing': no action; 'empty': no words. */
  understanding: z.enum(PROMPT_UNDERSTANDING),
  steps: z.array(Chip.extend({ with: z.array(Chip) })),
  /** Words that changed nothing (struck through in the preview). */
  ignored: z.array(z.string()),
  notUnderstood: z.array(z.object({ text: z.string(), suggestions: z.array(ActionSuggestion) })),
  alternatives: z.array(z.object({ text: z.string(), chosen: z.string(), alternative: z.string() })),
  /** Style read from adjectives and adverbs ("tired", "angrily"), for the preview. */
  styles: z.array(z.string()),
});
export type ParsePromptResponse = z.infer<typeof ParsePromptResponse>;
