/**
 * What the studio's forms send to POST /api/jobs: a body shaped like CreateJobRequest, except that a number field
 * may still hold the text the user typed. The server owns validation (one set of rules) and answers a bad field
 * with `{error: {field, message}}`, which the form shows next to that field, so the forms do not pre-validate.
 */
import type { CreateJobRequest } from '../../server/contract/api.ts';

type AsTyped<V> = V extends number ? V | string : V;
type Draft<R> = R extends unknown ? { [K in keyof R]: AsTyped<R[K]> } : never;

export type JobRequestDraft = Draft<CreateJobRequest>;
