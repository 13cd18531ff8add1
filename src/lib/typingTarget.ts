/** Input types that take no text: a single-letter shortcut may act while one of them has focus. */
export const NOT_TYPING_INPUTS: readonly string[] = ['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color'];

/** True while the user types in a field: single-letter shortcuts must not steal those keys. */
export function isTypingTarget(target: EventTarget | null, notTypingInputs: readonly string[] = NOT_TYPING_INPUTS): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !notTypingInputs.includes(type);
  }
  return false;
}
