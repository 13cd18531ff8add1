/** The API path of one stored variant file (served by routes/files.ts); jobs list it, the renderer fetches it. */
export function fileUrl(jobId: string, variant: number, format: string): string {
  return `/api/jobs/${jobId}/variants/${variant}/files/${format}`;
}
