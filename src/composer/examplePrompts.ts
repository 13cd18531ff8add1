/** Prompts that exercise the local engine's vocabulary (locomotion, turns, gestures, jumps). */
export const EXAMPLE_PROMPTS = [
  'a person walks forward slowly, then turns left and waves',
  'jogs in place, then jumps twice and bows',
  'walks while waving, then stops and shrugs',
] as const;

/** Put a prompt in the composer and move the caret there, so Ctrl+Enter is one keystroke away. */
export function focusPrompt(): void {
  const el = document.getElementById('prompt-input');
  if (el instanceof HTMLTextAreaElement) {
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }
}
