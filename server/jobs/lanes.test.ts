/**
 * Renders have a lane of their own: an older queued render must not stand in front of a prompt job,
 * and each lane claims only its own kinds.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

it('a queued render does not block the local motion lane, and the render lane takes only renders', async () => {
  const store = t.services.store;
  const render = await store.create({
    provider: 'local',
    request: { provider: 'local', kind: 'render', parentJobId: 'job_0000000000parent', variant: 1 },
    parentJobId: null,
    parentVariant: null,
    idempotencyKey: null,
  });
  const motion = await store.create({
    provider: 'local',
    request: { provider: 'local', kind: 'text2motion', prompt: 'wave', variants: 1, durationSec: 1, seed: 1 },
    parentJobId: null,
    parentVariant: null,
    idempotencyKey: null,
  });
  const motionLane = await store.claim('lane-test', ['local'], 60_000, { except: ['render'] });
  expect(motionLane?.id).toBe(motion.id);
  const renderLane = await store.claim('lane-test', ['local'], 60_000, { only: ['render'] });
  expect(renderLane?.id).toBe(render.id);
  expect(await store.claim('lane-test', ['local'], 60_000, { only: ['render'] })).toBeNull();
  expect((await store.waiting('local', { only: ['render'] })).map((w) => w.id)).toEqual([]);
});
