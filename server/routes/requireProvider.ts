// The lookup lives with the providers, so job creation (server/jobs) can use it without importing routes.
export { PROVIDER_NAMES, requireProvider } from '../providers/requireProvider.ts';
