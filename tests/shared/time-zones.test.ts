import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, timeZoneSchema } from '../../shared/api/common.ts';

describe('time zones', () => {
  it('answers the canonical IANA name, whatever the casing, and the same the second time', () => {
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('America/Mexico_City')).toBe('America/Mexico_City');
  });

  it('refuses what Intl does not know, every time', () => {
    for (let i = 0; i < 2; i++) {
      expect(canonicalTimeZone('Fantasia/Castle')).toBeNull();
      expect(timeZoneSchema.safeParse('Fantasia/Castle').success).toBe(false);
    }
    expect(timeZoneSchema.safeParse('Europe/Madrid').success).toBe(true);
  });
});
