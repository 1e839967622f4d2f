import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../client/src/api/client.ts';
import { programmeApi } from '../../../client/src/features/programme/api.ts';

/** A client that records what would be sent and answers with a fixed body. */
function recording(answer: unknown) {
  const calls: Array<{ method: string; path: string; body?: unknown }> = [];
  const reply = async (method: string, path: string, body?: unknown) => {
    calls.push({ method, path, ...(body === undefined ? {} : { body }) });
    return answer as never;
  };
  const client = {
    request: (method: string, path: string) => reply(method, path),
    get: (path: string) => reply('GET', path),
    post: (path: string, body?: unknown) => reply('POST', path, body),
    patch: (path: string, body: unknown) => reply('PATCH', path, body),
    delete: (path: string) => reply('DELETE', path),
    resetCsrf: () => {},
  } as unknown as ApiClient;
  return { client, calls };
}

describe('the programme API calls', () => {
  it('asks for the routes of the contract with their filters', async () => {
    const { client, calls } = recording({ items: [], nextCursor: null });
    const api = programmeApi(client);
    await api.publications({ language: 'es', point: 'general', limit: 50 });
    await api.proposals({ state: 'declined', point: 2, cursor: 'abc' });
    await api.meetings({ partnerId: 'a'.repeat(24) });
    await api.meetings({ city: 'Ciudad de México' });
    await api.enquiries({ status: 'new' });
    await api.worksheets();
    expect(calls.map((c) => c.path)).toEqual([
      '/api/publications?language=es&point=general&limit=50',
      '/api/proposals?state=declined&point=2&cursor=abc&limit=30',
      `/api/meetings?partnerId=${'a'.repeat(24)}&limit=50`,
      '/api/meetings?city=Ciudad+de+M%C3%A9xico&limit=50',
      '/api/enquiries?status=new&limit=30',
      '/api/worksheets?limit=50',
    ]);
  });

  it('sends actions to their routes and unwraps the answer', async () => {
    const proposal = { id: 'p' };
    const { client, calls } = recording({ proposal, worksheet: { id: 'w' } });
    const api = programmeApi(client);
    expect(await api.review('p1', { recommendation: 'recommend', comments: 'ok' })).toBe(proposal);
    await api.decide('p1', { decision: 'declined', reason: 'Not yet' });
    await api.withdraw('p1');
    await api.createWorksheet({ tool: 'urge-log', title: 'Evenings', content: { entries: [] } });
    await api.saveWorksheet('w/1', { title: null, content: {} });
    await api.deleteWorksheet('w1');
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/api/proposals/p1/reviews',
        body: { recommendation: 'recommend', comments: 'ok' },
      },
      {
        method: 'POST',
        path: '/api/proposals/p1/decision',
        body: { decision: 'declined', reason: 'Not yet' },
      },
      { method: 'POST', path: '/api/proposals/p1/withdraw', body: {} },
      {
        method: 'POST',
        path: '/api/worksheets',
        body: { tool: 'urge-log', title: 'Evenings', content: { entries: [] } },
      },
      { method: 'PATCH', path: '/api/worksheets/w%2F1', body: { title: null, content: {} } },
      { method: 'DELETE', path: '/api/worksheets/w1' },
    ]);
  });
});
