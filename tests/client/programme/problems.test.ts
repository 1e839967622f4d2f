import { describe, expect, it } from 'vitest';
import { programmeApi } from '../../../client/src/features/programme/api.ts';
import { problemOf, problemsOf, valueAt } from '../../../client/src/features/programme/problems.ts';

const { check, checkContent } = programmeApi();

describe('problems from the shared schemas', () => {
  it('asks for what is missing and says what is too short or too long', () => {
    const result = check('proposal', {
      title: 'ab',
      description: '',
      evidence: [{ citation: 'x'.repeat(501), url: 'javascript:alert(1)' }],
    });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual({
      title: { key: 'tooShort', min: 3 },
      point: { key: 'required' },
      description: { key: 'required' },
      'evidence.0.citation': { key: 'tooLong', max: 500 },
      'evidence.0.url': { key: 'invalid' },
    });
  });

  it('trims and passes a valid body on as the schema parsed it', () => {
    const result = check('enquiry', {
      kind: 'organisation',
      name: '  Jo  ',
      email: 'JO@Example.org',
      message: 'We would like to work with you.',
    });
    expect(result).toMatchObject({ ok: true, data: { name: 'Jo', email: 'jo@example.org' } });
  });

  it('words an email, a missing choice and a missing source', () => {
    expect(check('enquiry', { name: 'Jo', email: 'jo@', message: 'short' }).problems).toEqual({
      kind: { key: 'required' },
      email: { key: 'email' },
      message: { key: 'tooShort', min: 10 },
    });
    expect(
      check('proposal', { title: 'abc', point: 2, description: 'x'.repeat(20), evidence: [] })
        .problems,
    ).toEqual({ evidence: { key: 'required' } });
    expect(check('review', { comments: 'ok' }).problems).toEqual({
      recommendation: { key: 'required' },
    });
  });

  it('reports a worksheet’s answers under content, as the server does', () => {
    const result = checkContent('urge-log', {
      entries: [{ when: '', intensity: null, trigger: '', whatIDid: '', outcome: 'x'.repeat(501) }],
    });
    expect(result.problems).toEqual({
      'content.entries.0.when': { key: 'required' },
      'content.entries.0.intensity': { key: 'required' },
      'content.entries.0.outcome': { key: 'tooLong', max: 500 },
    });
    expect(checkContent('change-plan', { steps: ['Walk', ' '] }).problems).toEqual({
      'content.steps.1': { key: 'required' },
    });
  });

  it('reads values at a path and falls back to "invalid"', () => {
    expect(valueAt({ a: [{ b: 2 }] }, ['a', 0, 'b'])).toBe(2);
    expect(valueAt({ a: null }, ['a', 'b'])).toBeUndefined();
    expect(problemOf({ code: 'custom', path: [] }, 'x')).toEqual({ key: 'invalid' });
    expect(problemsOf([{ code: 'custom', path: [] }], {}, 'content.')).toEqual({
      content: { key: 'invalid' },
    });
  });
});
