/**
 * Resolves once the job list has shown its first answer (or after a short cap). The 3D viewport's chunk (three.js,
 * loaders: the largest script of the studio) is fetched and evaluated after that, so evaluating it never delays
 * the list's first page; the viewport cannot show a take before the list has said which one anyway.
 */
const CAP_MS = 1500;

let resolveShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  resolveShown = resolve;
});
if (typeof window !== 'undefined') setTimeout(() => resolveShown(), CAP_MS);

export function markJobListShown(): void {
  resolveShown();
}

export function afterJobListShown(): Promise<void> {
  return shown;
}
