/** What the job list's text search looks in: the label and the prompt, lower-cased. */
export function searchTextOf(title: string | null, request: Record<string, unknown>): string {
  const prompt = typeof request.prompt === 'string' ? request.prompt : '';
  return `${title ?? ''}\n${prompt}`.toLowerCase();
}
