/** The jobs feature's public entry: what other features use (they import nothing else of jobs/). */
export { JobList } from './JobList.tsx';
export { useJobEventStream, useStreamStatus } from './useJobEventStream.ts';
