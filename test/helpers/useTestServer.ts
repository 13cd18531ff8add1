/** One real test server for a whole test file: started before its tests, closed after them. */
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './testServer.ts';

export function useTestServer(): () => TestServer {
  let t: TestServer | null = null;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t?.close();
  });
  return () => {
    if (!t) throw new Error('the test server starts in beforeAll; use it inside a test');
    return t;
  };
}
