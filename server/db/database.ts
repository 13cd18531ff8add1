/**
 * The database, behind Kysely: embedded SQLite (better-sqlite3) by default, PostgreSQL when
 * DATABASE_URL is a postgres:// URL. The same queries and migrations run on both; the few places
 * where the dialects differ ask `dialect`.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { migrationsFor } from './migrations.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface OpenDb {
  db: Db;
  dialect: Dialect;
}

class StaticMigrations implements MigrationProvider {
  constructor(private readonly all: Record<string, Migration>) {}
  async getMigrations() {
    return this.all;
  }
}

// int8 (bigint: counts, ms timestamps) arrives as a string by default; our values fit a double exactly.
pg.types.setTypeParser(20, (v: string) => Number(v));

/** Opens the database named by `databaseUrl` (postgres://…) or else the SQLite file, and migrates it. */
export async function openDatabase(sqliteFile: string, databaseUrl?: string): Promise<OpenDb> {
  let db: Db;
  let dialect: Dialect;
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) {
    dialect = 'postgres';
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 10 }) }) });
  } else {
    if (databaseUrl) throw new Error('DATABASE_URL must be a postgres:// URL; leave it unset to use the embedded SQLite database.');
    dialect = 'sqlite';
    if (sqliteFile !== ':memory:') fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
    const sqlite = new SQLite(sqliteFile);
    // WAL lets SSE readers run while a job writes; NORMAL sync is safe with WAL against app crashes.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  const migrator = new Migrator({ db, provider: new StaticMigrations(migrationsFor(dialect)) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { db, dialect };
}
