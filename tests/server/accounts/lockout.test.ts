import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

let haven: TestHaven;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

const from = (address: string) => ({ 'x-forwarded-for': address });

async function signIn(client: ApiClient, email: string, password: string, address: string) {
  if (!client.csrfToken) await client.fetchCsrf();
  return client.post('/api/auth/login', { email, password }, from(address));
}

/**
 * Ten addresses, ten wrong passwords each: the account's ceiling (100 tries an hour, from
 * anywhere) is reached. An earlier sign-in counted too, so the last guesses may meet it.
 */
async function lockFromElsewhere(email: string, prefix: string) {
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: 10 }, async (_, a) => {
      const guesser = new ApiClient(haven.url);
      for (let i = 0; i < 10; i++) {
        const response = await signIn(guesser, email, `guess ${a}-${i} wrong`, `${prefix}.${a}`);
        statuses.push(response.status);
      }
    }),
  );
  expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(98);
  expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
}

describe('lock-out that is not a weapon', () => {
  it("lets a browser that signed in before past the account's lock-out, and no one else", async () => {
    const member = await signUpAs(haven);
    const phone = new ApiClient(haven.url);
    expect((await signIn(phone, member.email, PASSWORD, '10.9.0.1')).status).toBe(200);
    expect(phone.cookie('haven_device')).toMatch(/^v1\./);
    expect((await phone.post('/api/auth/logout')).status).toBe(200);

    await lockFromElsewhere(member.email, '10.1.0');

    const stranger = new ApiClient(haven.url);
    const refused = await signIn(stranger, member.email, PASSWORD, '10.9.0.2');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(refused.body.error.retryAfter).toBeGreaterThan(60);
    expect(refused.headers.get('retry-after')).toBe(String(refused.body.error.retryAfter));

    // The owner's phone, from the same address as the refused stranger: in.
    const owner = await signIn(phone, member.email, PASSWORD, '10.9.0.2');
    expect(owner.status).toBe(200);
    expect((await phone.get('/api/me')).body.user.id).toBe(member.id);
  });

  it('refuses a device cookie for another account, a forged one, and one that guesses too often', async () => {
    const member = await signUpAs(haven);
    const other = await signUpAs(haven);
    const browser = new ApiClient(haven.url);
    expect((await signIn(browser, other.email, PASSWORD, '10.8.0.1')).status).toBe(200);
    const otherCookie = browser.cookie('haven_device') ?? '';
    await lockFromElsewhere(member.email, '10.2.0');

    // Bound to the account it signed in to: no help for another.
    const elsewhere = await ApiClient.signedOut(haven.url);
    const withOther = await elsewhere.post(
      '/api/auth/login',
      { email: member.email, password: PASSWORD },
      { ...from('10.8.0.2'), cookie: `haven_device=${otherCookie}` },
    );
    expect(withOther.status).toBe(429);
    // Renamed to this account, the signature no longer holds.
    const [, , nonce, mac] = otherCookie.split('.');
    const { accountKey } = await import('../../../server/accounts/account-key.ts');
    const forged = `v1.${accountKey(member.email)}.${nonce}.${mac}`;
    const withForged = await elsewhere.post(
      '/api/auth/login',
      { email: member.email, password: PASSWORD },
      { ...from('10.8.0.3'), cookie: `haven_device=${forged}` },
    );
    expect(withForged.status).toBe(429);

    // A device cookie has its own small limit: ten tries, then it too is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await signIn(browser, other.email, `wrong ${i} guess`, '10.8.0.4')).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const limited = await signIn(browser, other.email, PASSWORD, '10.8.0.4');
    expect(limited.status).toBe(429);
    expect(limited.body.error.retryAfter).toBeGreaterThanOrEqual(1);
  });
});
