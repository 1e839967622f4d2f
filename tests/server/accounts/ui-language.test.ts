import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

describe('the UI language in the profile (issue 18)', () => {
  it('is absent until chosen, kept for the next sign-in, and only a known language', async () => {
    const email = `ui-language-${process.pid}-${Date.now()}@example.org`;
    const first = new ApiClient(haven.url);
    const registered = await first.signUp(haven.mail, email);
    expect(registered.body.user.uiLanguage).toBeUndefined();

    const chosen = await first.patch('/api/me', { uiLanguage: 'es' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.user.uiLanguage).toBe('es');

    const unknown = await first.patch('/api/me', { uiLanguage: 'fr' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.uiLanguage).toBeDefined();

    // Another browser: a new session sees the choice, unchanged by the refused one.
    const second = new ApiClient(haven.url);
    const signedIn = await second.login(email);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.uiLanguage).toBe('es');
    expect((await second.get('/api/me')).body.user.uiLanguage).toBe('es');
  });
});
