import { Hono } from 'hono';
import { CreateJobRequest } from '../contract/api.ts';
import { createJob } from '../jobs/createJob.ts';
import type { JobRunner } from '../jobs/jobRunner.ts';
import { JOB_ID_PATTERN } from '../jobs/jobStore.ts';
import { fromZodError, HttpError } from '../http/errors.ts';
import { JobListQuery } from '../contract/jobLibrary.ts';
import { readJson } from '../http/readJson.ts';
import { clientKey } from '../http/clientKey.ts';

export function requireJobId(id: string): string {
  if (!JOB_ID_PATTERN.test(id)) throw new HttpError(404, 'not_found', `No job "${id.slice(0, 64)}": job ids look like job_… (see GET /api/jobs).`, 'id');
  return id;
}

/** What job creation needs (createJob declares it), plus the runner for cancels. */
type JobRouteServices = Parameters<typeof createJob>[0] & { readonly runner: JobRunner };

export function jobRoutes(s: JobRouteServices) {
  return new Hono()
    .post('/jobs', async (c) => {
      const request = await readJson(c, CreateJobRequest);
      const { job, replayed } = await createJob(s, request, c.req.header('idempotency-key') ?? null, clientKey(c));
      if (replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(job, replayed ? 200 : 201);
    })
    .get('/jobs', async (c) => {
      const query = JobListQuery.safeParse(c.req.query());
      if (!query.success) throw fromZodError(query.error, 'query');
      const { limit, cursor, ...filter } = query.data;
      return c.json(await s.store.list(limit, cursor === undefined ? null : Number(cursor), filter));
    })
    .get('/jobs/:id', async (c) => {
      const job = await s.store.get(requireJobId(c.req.param('id')));
      if (!job) throw new HttpError(404, 'not_found', `No job ${c.req.param('id')}.`, 'id');
      return c.json(job);
    })
    .post('/jobs/:id/cancel', async (c) => {
      const id = requireJobId(c.req.param('id'));
      const current = await s.store.get(id);
      if (!current) throw new HttpError(404, 'not_found', `No job ${id}.`, 'id');
      if (current.status !== 'queued' && current.status !== 'running') {
        throw new HttpError(409, 'not_cancelable', `Job ${id} is already ${current.status}; only queued or running jobs can be canceled.`);
      }
      return c.json(await s.runner.cancel(id));
    });
}
