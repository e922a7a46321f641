import { describe, expect, it } from 'vitest';
import { formatInstant } from './i18n';

describe('formatInstant', () => {
  it('shows an instant in China time, as the server’s messages do, whatever zone the browser is in', () => {
    expect(formatInstant('2026-06-30T06:05:00.000Z')).toBe('2026-06-30 14:05');
    // Past 16:00 UTC it is already the next day in China.
    expect(formatInstant('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
    expect(formatInstant('2026-06-30T14:05:00+08:00')).toBe('2026-06-30 14:05');
  });

  it('leaves what is not an instant as it came, and nothing as nothing', () => {
    expect(formatInstant('not a time')).toBe('not a time');
    expect(formatInstant(undefined)).toBe('');
  });
});
