/**
 * Where the e2e contract servers listen and the fake credentials the studio uses for them. Kept apart from
 * serve.ts so playwright.config.ts can read it without loading the servers themselves.
 */
const studioPort = Number(process.env.E2E_PORT ?? 8797);
// Derived from the studio's port, so runs started with different E2E_PORTs never fight over a contract port.
export const E2E_SAYMOTION_PORT = Number(process.env.E2E_SAYMOTION_PORT ?? studioPort + 1000);
export const E2E_MESHY_PORT = Number(process.env.E2E_MESHY_PORT ?? studioPort + 1001);
// Fake and recognisable, so one showing up in a log, a response or the bundle is easy to spot.
export const E2E_DM_CLIENT_ID = 'e2e-dm-client-id-7a41';
export const E2E_DM_CLIENT_SECRET = 'e2e-dm-client-secret-5c1e9b2f';
export const E2E_MESHY_API_KEY = 'msy_e2e_meshy_key_3f8d21c6a9';

/** The studio server's environment for the contract servers. */
export function contractEnv(): Record<string, string> {
  return {
    DM_API_SERVER_URL: `http://127.0.0.1:${E2E_SAYMOTION_PORT}`,
    DM_CLIENT_ID: E2E_DM_CLIENT_ID,
    DM_CLIENT_SECRET: E2E_DM_CLIENT_SECRET,
    MESHY_API_BASE: `http://127.0.0.1:${E2E_MESHY_PORT}`,
    MESHY_API_KEY: E2E_MESHY_API_KEY,
  };
}
