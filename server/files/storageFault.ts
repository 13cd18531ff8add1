/**
 * Recognises storage faults (a full disk, a read-only or unwritable data directory) in errors from
 * SQLite, PostgreSQL and the file system, and turns them into one clear message without paths: the
 * raw errors name absolute paths and internals that must not reach a user.
 */
type StorageFaultKind = 'disk_full' | 'read_only';

export interface StorageFault {
  kind: StorageFaultKind;
  /** For job errors and API answers: what happened and what to do, no paths. */
  message: string;
}

const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', '53100' /* postgres disk_full */]);
const READ_ONLY_CODES = new Set([
  'SQLITE_READONLY',
  'SQLITE_READONLY_DIRECTORY',
  'SQLITE_READONLY_DBMOVED',
  'SQLITE_READONLY_RECOVERY',
  'SQLITE_CANTOPEN',
  'EROFS',
  'EACCES',
  'EPERM',
]);

const DISK_FULL_MESSAGE = "The server's data disk is full: free some space (or move KINEMA_DATA_DIR to a larger disk). Work resumes by itself once there is room; try again then.";
export const READ_ONLY_MESSAGE =
  "The server's data directory is read-only or not writable: fix its permissions (or point KINEMA_DATA_DIR at a writable folder). Reads still work; writes resume by itself once it is writable.";

/** Also looks through `cause` and the message, since providers wrap file-system errors in their own. */
export function storageFaultOf(err: unknown, depth = 0): StorageFault | null {
  if (err === null || typeof err !== 'object' || depth > 4) return null;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (FULL_CODES.has(code) || /\b(ENOSPC|SQLITE_FULL|EDQUOT)\b|database or disk is full|no space left on device/i.test(message)) {
    return { kind: 'disk_full', message: DISK_FULL_MESSAGE };
  }
  if (READ_ONLY_CODES.has(code) || /\b(EROFS|EACCES|SQLITE_READONLY\w*)\b|attempt to write a readonly database|read-only file system/i.test(message)) {
    return { kind: 'read_only', message: READ_ONLY_MESSAGE };
  }
  return storageFaultOf(e.cause, depth + 1);
}

/** HTTP answer for a write the storage refused: 507 Insufficient Storage, or 503 while read-only. */
export function storageFaultStatus(f: StorageFault): 507 | 503 {
  return f.kind === 'disk_full' ? 507 : 503;
}
