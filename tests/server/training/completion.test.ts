import { describe, expect, it } from 'vitest';
import { havenPerFile, member, publishedCourse } from './helpers.ts';

/**
 * The course feature and the credentials meet here: completing every item of a course, as a
 * learner does through the API, earns the record and a certificate that anyone can verify.
 */
const { haven } = havenPerFile();

describe('completing a course', () => {
  it('earns a training record and a verifiable certificate, once', async () => {
    const trainer = await member(haven(), ['trainer']);
    const learner = await member(haven());
    const { id, items } = await publishedCourse(trainer.client, {
      title: 'Living a balanced life',
      modules: [
        {
          key: 'balance',
          title: 'Balance',
          items: [
            { key: 'read', kind: 'reading', title: 'Read', markdown: 'Rest.', minutes: 5 },
            { key: 'also', kind: 'reading', title: 'Also', markdown: 'Play.', minutes: 5 },
          ],
        },
      ],
    });
    expect((await learner.client.get('/api/certificates')).body.certificates).toEqual([]);
    for (const key of ['read', 'also']) {
      const done = await learner.client.post(`/api/items/${items[key]}/complete`, {});
      expect(done.status, done.text).toBe(200);
    }
    // Completing again changes nothing.
    await learner.client.post(`/api/items/${items.read}/complete`, {});
    const { certificates } = (await learner.client.get('/api/certificates')).body;
    expect(certificates).toEqual([
      expect.objectContaining({ courseId: id, courseTitle: 'Living a balanced life' }),
    ]);
    const verified = await haven().haven.services.training.certificates.verify(
      certificates[0].code,
    );
    expect(verified).toMatchObject({
      valid: true,
      certificate: { courseTitle: 'Living a balanced life' },
    });
    const record = (await learner.client.get('/api/training/record')).body.record;
    expect(JSON.stringify(record)).toContain(id);
  });
});
