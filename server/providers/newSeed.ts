import crypto from 'node:crypto';

/** A fresh seed for a job: fixed when the job is created, so the stored request reproduces the output. */
export function newSeed(): number {
  return crypto.randomInt(0, 2 ** 31 - 1);
}
