import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/client.ts';
import { fieldErrorOf } from './fieldError.ts';

const err = (field?: string) => new ApiRequestError({ status: 400, code: 'validation_error', message: `bad ${field ?? 'thing'}`, field });

describe('fieldErrorOf', () => {
  it('puts an error on the control its path starts with', () => {
    const e = fieldErrorOf(err('intervals[0].end'), ['prompt', 'intervals']);
    expect(e.for('intervals')).toBe('bad intervals[0].end');
    expect(e.for('prompt')).toBeNull();
    expect(e.general).toBeNull();
  });
  it('keeps errors about other fields (or none) for the submit area', () => {
    expect(fieldErrorOf(err('parentJobId'), ['reps']).general).toBe('bad parentJobId');
    expect(fieldErrorOf(err(), ['reps']).general).toBe('bad thing');
    expect(fieldErrorOf(new Error('offline'), ['reps']).general).toBe('offline');
  });
  it('is empty without an error', () => {
    const e = fieldErrorOf(null, ['reps']);
    expect(e.general).toBeNull();
    expect(e.for('reps')).toBeNull();
  });
});
