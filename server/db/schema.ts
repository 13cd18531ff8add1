/** Table types for Kysely. JSON columns are stored as text and parsed by the store that owns them. */
import type { Generated } from 'kysely';

export interface JobsTable {
  seq: Generated<number>;
  id: string;
  provider: string;
  kind: string;
  status: string;
  progress: number;
  stage: string | null;
  queue_position: number | null;
  parent_job_id: string | null;
  parent_variant: number | null;
  /** The validated request, JSON. */
  request: string;
  /** PromptReport JSON or null. */
  report: string | null;
  /** {code, message} JSON or null. */
  error: string | null;
  /** [{index, durationSec}] JSON. */
  variants: string;
  /** Provider-side id (SayMotion rid, Meshy task id) once submitted. */
  external_id: string | null;
  /** `<client hash>:<Idempotency-Key>`: keys are per client. */
  idempotency_key: string | null;
  /** sha256 of the canonical request body the key was first used with. */
  idempotency_body: string | null;
  lease_owner: string | null;
  /** ms since epoch */
  lease_expires_at: number | null;
  created_at: string;
  updated_at: string;
  /** The user's label for the take, or null to show its prompt. */
  title: string | null;
  /** 0 or 1 (SQLite has no booleans). */
  starred: Generated<number>;
  collection_id: string | null;
  /** request.characterId, copied out so the list can filter on it. */
  character_id: string | null;
  /** Lower-cased title + prompt (searchTextOf). */
  search_text: Generated<string>;
}

interface CollectionsTable {
  id: string;
  name: string;
  created_at: string;
}

interface FilesTable {
  job_id: string;
  variant: number;
  format: string;
  rel_path: string;
  bytes: number;
  sha256: string;
}

interface EventsTable {
  seq: Generated<number>;
  job_id: string;
  data: string;
  created_at: string;
}

export interface Database {
  jobs: JobsTable;
  files: FilesTable;
  events: EventsTable;
  collections: CollectionsTable;
}
