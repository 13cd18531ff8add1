/** The jobs feature's public entry: all that other features and app/ may import from jobs/. */
export { JobList } from './JobList.tsx';
export { useJobEventStream, useStreamStatus } from './useJobEventStream.ts';
