/**
 * Variant file downloads, always from the local cache (never a redirect to a provider URL, which
 * would expire and leak the provider's storage host). Supports HEAD and single byte ranges (sendFile).
 */
import { wholeNumber } from '../http/strictNumber.ts';
import { Hono } from 'hono';
import type { DownloadServices } from '../downloads/downloadServices.ts';
import { sendFile } from '../downloads/sendFile.ts';
import { resolveStoredFile } from '../downloads/storedFile.ts';
import { requireJobId } from './jobs.ts';

export function fileRoutes(s: DownloadServices) {
  return new Hono().get('/jobs/:id/variants/:variant/files/:format', async (c) =>
    sendFile(c, await resolveStoredFile(s, requireJobId(c.req.param('id')), wholeNumber(c.req.param('variant')), c.req.param('format'))),
  );
}
