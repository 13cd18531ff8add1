/**
 * A tiny structured logger. It exists so that every line goes through one place that scrubs
 * credential values: a key must never reach a log line, even inside an upstream error message.
 */
import { secretScrubber } from './http/scrubSecrets.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

function redactor(secrets: readonly string[]): (text: string) => string {
  return secretScrubber(secrets);
}

export function createLogger(level: Level | 'silent', secrets: readonly string[], write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const redact = redactor(secrets);
  const emit = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...fields }, (_k, v) => (v instanceof Error ? { name: v.name, message: v.message } : v));
    write(redact(line));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}
