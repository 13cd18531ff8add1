import { describe, expect, it } from 'vitest';
import { formatBytes, formatRelativeTime, formatSeconds } from './format.ts';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1536, '1.50 KB'],
    [20 * 1024, '20.0 KB'],
    [512 * 1024, '512 KB'],
    [3.25 * 1024 * 1024, '3.25 MB'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%s → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatSeconds', () => {
  it('uses one decimal by default', () => {
    expect(formatSeconds(4)).toBe('4.0 s');
    expect(formatSeconds(2.345, 2)).toBe('2.35 s');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');
  it.each([
    ['2025-01-01T11:59:55Z', 'just now'],
    ['2025-01-01T11:59:30Z', '30 s ago'],
    ['2025-01-01T11:57:00Z', '3 min ago'],
    ['2025-01-01T09:00:00Z', '3 h ago'],
    ['not a date', ''],
  ])('%s → %s', (iso, text) => {
    expect(formatRelativeTime(iso, now)).toBe(text);
  });
});
