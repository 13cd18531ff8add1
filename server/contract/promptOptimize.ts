/**
 * POST /api/prompt/optimize: rewrite a prompt as actionable sub-prompts the user can accept.
 * `provider: "local"` uses the server's rule-based optimiser (always available); `"saymotion"` asks SayMotion's
 * optimiser when that provider is configured and reports the `optimizePrompt` capability.
 * Like api.ts, free of Node and React imports: the SPA imports these types.
 */
import { z } from 'zod';
import { MAX_PROMPT_CHARS, PROVIDER_IDS } from './api.ts';

export const OptimizePromptRequest = z.strictObject({
  provider: z.enum(PROVIDER_IDS, { error: `provider must be one of: ${PROVIDER_IDS.join(', ')} ("local" is always available)` }),
  prompt: z
    .string({ error: 'prompt is required: the prompt to optimise' })
    .trim()
    .min(1, { error: 'prompt must not be empty: write the motion to optimise first' })
    .max(MAX_PROMPT_CHARS, { error: `prompt is too long: keep it under ${MAX_PROMPT_CHARS} characters` }),
});
export type OptimizePromptRequest = z.infer<typeof OptimizePromptRequest>;

export const OptimizePromptResponse = z.object({
  /** Which optimiser answered. */
  provider: z.enum(PROVIDER_IDS),
  /** One actionable prompt per entry, in order. */
  suggestions: z.array(z.string()),
});
export type OptimizePromptResponse = z.infer<typeof OptimizePromptResponse>;
