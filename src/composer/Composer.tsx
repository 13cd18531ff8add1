/**
 * The prompt composer: prompt + options → POST /api/jobs. The server validates; a 4xx names the field
 * (`error.field`) and its message is shown next to that field until the user edits it.
 */
import { useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { MAX_PROMPT_CHARS } from '../../server/contract/api.ts';
import { describeError, isApiRequestError } from '../api/client.ts';
import { useCreateJob } from '../state/jobMutations.ts';
import { useEditor } from '../state/editorStore.ts';
import { Button } from '../ui/Button.tsx';
import { Kbd } from '../ui/Kbd.tsx';
import { SparkIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { withConstraints } from '../constraints/index.ts';
import { fieldForErrorPath } from '../state/composerFields.ts';
import { buildText2MotionRequest } from './text2motionRequest.ts';
import { composerProblems } from './composerLimits.ts';
import type { ComposerFieldName } from '../state/composerFields.ts';
import { FieldError } from './FieldError.tsx';
import { MotionOptionsFields } from './MotionOptionsFields.tsx';
import { GenerateCost } from './GenerateCost.tsx';
import { ParsePreview } from './ParsePreview.tsx';
import { needsIdleConfirmation, useParsePreview } from './parsePreviewStore.ts';
import { PromptOptimizer } from './PromptOptimizer.tsx';
import { SourceFields } from './SourceFields.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Composer() {
  const composer = useEditor((s) => s.composer);
  const prompt = composer.prompt;
  const setComposer = useEditor((s) => s.setComposer);
  const create = useCreateJob();
  // After a Generate on an incomplete form, also say what is missing (an empty prompt), not only what is wrong.
  const [attempted, setAttempted] = useState(false);
  // The prompt Generate was refused for (nothing understood, idle takes not accepted); the hint lasts until it changes.
  const [idleHintFor, setIdleHintFor] = useState<string | null>(null);

  const err = create.error;
  const errField = isApiRequestError(err) ? fieldForErrorPath(err.field) : null;
  const errors: Partial<Record<ComposerFieldName, string>> = {
    ...composerProblems(composer, attempted),
    ...(errField && err ? { [errField]: err.message } : {}),
  };
  if (!errors.prompt && idleHintFor === prompt) errors.prompt = 'The local engine reads no action here: pick a suggested action, or tick “Generate standing-idle takes anyway”.';
  const generalError = err && !errField ? err : null;

  // Editing the field an error points at clears the error: the message is about the old value.
  const onEdit = (field: ComposerFieldName) => {
    if (field === errField) create.reset();
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (create.isPending) return;
    const fields = useEditor.getState().composer;
    const problems = Object.keys(composerProblems(fields, true));
    if (problems.length > 0) {
      setAttempted(true);
      document.getElementById(problems[0] === 'prompt' ? 'prompt-input' : `${problems[0]!.replace('durationSec', 'duration')}-input`)?.focus();
      return;
    }
    setAttempted(false);
    // No silent batch of idle takes: the user has to say they want them (the server refuses them otherwise).
    if (needsIdleConfirmation(fields.provider, fields.prompt)) {
      setIdleHintFor(fields.prompt);
      return;
    }
    const request = withConstraints(buildText2MotionRequest(fields));
    if (request.kind === 'text2motion' && request.provider === 'local' && useParsePreview.getState().acceptIdle) request.acceptIdleTake = true;
    create.mutate(request);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form noValidate onSubmit={submit} onKeyDown={onKeyDown} className="space-y-3" aria-label="New motion">
      <div>
        <div className="flex items-baseline justify-between">
          <label className="field-label" htmlFor="prompt-input">
            Prompt
          </label>
          <span className={`font-mono text-[10px] tabular-nums ${prompt.length >= MAX_PROMPT_CHARS ? 'text-amber-300' : 'text-faint'}`}>
            {prompt.length}/{MAX_PROMPT_CHARS}
          </span>
        </div>
        <textarea
          id="prompt-input"
          data-testid="prompt-input"
          className="field-input min-h-[88px] resize-y leading-relaxed"
          rows={4}
          maxLength={MAX_PROMPT_CHARS}
          placeholder="Describe the motion: “walks forward slowly, then turns left and waves”"
          value={prompt}
          onChange={(e) => {
            setComposer({ prompt: e.target.value });
            onEdit('prompt');
          }}
          aria-invalid={errors.prompt ? true : undefined}
          aria-describedby={errors.prompt ? 'prompt-error' : undefined}
          spellCheck
        />
        <FieldError field="prompt" message={errors.prompt} />
        <ParsePreview />
        <PromptOptimizer />
      </div>

      <SourceFields errors={errors} onEdit={onEdit} />
      <MotionOptionsFields errors={errors} onEdit={onEdit} />

      {/* Sticky so Generate stays reachable however far the options scroll. */}
      <div className="sticky bottom-0 -mx-3 border-t border-line bg-panel px-3 pt-2.5 pb-3">
        <GenerateCost />
        <Button type="submit" variant="primary" size="md" className="w-full" data-testid="generate-button" disabled={create.isPending}>
          {create.isPending ? <Spinner size={14} /> : <SparkIcon />}
          {create.isPending ? 'Submitting…' : 'Generate'}
          <span className="ml-auto flex gap-0.5 opacity-80">
            <Kbd>{isMac ? '⌘' : 'Ctrl'}</Kbd>
            <Kbd>↵</Kbd>
          </span>
        </Button>
        {generalError && (
          <div
            role="alert"
            data-testid={isApiRequestError(generalError) && generalError.field ? 'field-error' : 'form-error'}
            data-field={isApiRequestError(generalError) ? generalError.field : undefined}
            className="mt-2 rounded-md border border-red-500/30 bg-red-500/10 px-2.5 py-2 text-[12px] text-red-200"
          >
            <p className="font-medium">{isApiRequestError(generalError) && generalError.isNetwork ? 'Server unreachable' : 'The job was not created'}</p>
            <p className="mt-0.5 text-red-200/80">{describeError(generalError)}</p>
          </div>
        )}
      </div>
    </form>
  );
}
