import type { Response } from 'express';
import { okSchema } from '../../shared/api/common.ts';
import {
  ownSessionsResponse,
  sessionParams,
  signedOutCountResponse,
} from '../../shared/api/sign-in.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import { AppError } from '../infra/errors.ts';
import { SESSION_COOKIE, type SessionService } from './sessions.ts';

export interface SessionRouteDeps {
  sessions: SessionService;
  closeMemberSockets: (userId: string) => void;
  clearSession: (res: Response) => void;
}

const TAG = 'accounts';

/** "Your sessions" on the account page: see where one is signed in, and end any of it. */
export function mountSessionRoutes(api: ApiRoutes, deps: SessionRouteDeps): void {
  api.get(
    '/me/sessions',
    {
      summary: 'My sessions: browser and system, when signed in and last used, this one marked',
      tag: TAG,
      auth: 'user',
      response: ownSessionsResponse,
    },
    async ({ user, req }) => ({
      sessions: await deps.sessions.listFor(user.id, req.cookies?.[SESSION_COOKIE]),
    }),
  );

  api.delete(
    '/me/sessions/:id',
    {
      summary: 'Sign out one of my sessions (this one too, if named)',
      tag: TAG,
      auth: 'user',
      params: sessionParams,
      response: okSchema,
      status: 200,
    },
    async ({ user, params, req, res }) => {
      const ended = await deps.sessions.destroyByPublicId(
        user.id,
        params.id,
        req.cookies?.[SESSION_COOKIE],
      );
      if (!ended.found) throw new AppError('NOT_FOUND', 'no such session of yours');
      if (ended.current) deps.clearSession(res);
      // Sockets carry no session of their own to pick: all of the member's reconnect, and
      // those of the ended session find it gone.
      deps.closeMemberSockets(user.id);
      return { ok: true as const };
    },
  );

  api.post(
    '/me/sessions/sign-out-others',
    {
      summary: 'Sign out every session of mine but this one',
      tag: TAG,
      auth: 'user',
      response: signedOutCountResponse,
      status: 200,
    },
    async ({ user, req }) => {
      const signedOut = await deps.sessions.destroyOthersFor(
        user.id,
        req.cookies?.[SESSION_COOKIE],
      );
      deps.closeMemberSockets(user.id);
      return { signedOut };
    },
  );
}
