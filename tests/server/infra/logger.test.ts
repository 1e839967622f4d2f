import { describe, expect, it } from 'vitest';
import { scrubbedMessage } from '../../../server/infra/logger.ts';
import { capturingLogger } from '../../helpers/logger.ts';

describe('logs never carry what people wrote or who they are', () => {
  it('scrubs emails and quoted values out of unexpected error messages', () => {
    const cast = new Error(
      'Cast to ObjectId failed for value "ana@example.org" (type string) at path "_id"',
    );
    expect(scrubbedMessage(cast)).toBe(
      'Cast to ObjectId failed for value "…" (type string) at path "…"',
    );
    const dup = new Error("E11000 duplicate key error dup key: { email: 'ana@example.org' }");
    expect(scrubbedMessage(dup)).not.toContain('ana@example.org');
    expect(scrubbedMessage(new Error('plain bob@example.org text'))).toBe('plain [email] text');
  });

  it('redacts content and email fields that reach the logger anyway', () => {
    const { logger, lines } = capturingLogger();
    logger.info(
      { email: 'ana@example.org', content: 'I relapsed last night', user: { email: 'x@y.z' } },
      'event',
    );
    const text = JSON.stringify(lines());
    expect(text).not.toContain('ana@example.org');
    expect(text).not.toContain('relapsed');
    expect(text).not.toContain('x@y.z');
  });
});
