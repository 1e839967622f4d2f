import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { AccountsApi } from '../../client/src/api/accounts.ts';
import { ApiError } from '../../client/src/api/errors.ts';
import { createConnectionSlice } from '../../client/src/store/connection-slice.ts';
import { createPreferencesSlice } from '../../client/src/store/preferences-slice.ts';
import { makeSessionSlice } from '../../client/src/store/session-slice.ts';
import type { HavenState } from '../../client/src/store/types.ts';
import type { OwnUser } from '../../shared/api/accounts.ts';

const sam: OwnUser = {
  id: 'a'.repeat(24),
  email: 'sam@example.org',
  displayName: 'Sam',
  roles: ['participant'],
  partnerId: null,
  area: {},
  languages: [],
  timeZone: 'UTC',
  privacy: {
    showInGroupMemberLists: false,
    showArea: false,
    appearOffline: false,
    showLastSeen: false,
    acceptContactRequests: true,
  },
  createdAt: new Date(0).toISOString(),
};

const unauthenticated = () => new ApiError('UNAUTHENTICATED', 401);

/** A fake accounts API: every method refuses unless the test gives it an answer. */
function fakeApi(overrides: Partial<AccountsApi>): AccountsApi {
  const refuse = async () => {
    throw new Error('not expected in this test');
  };
  return {
    me: refuse,
    register: refuse,
    verifyEmail: refuse,
    resendVerification: refuse,
    confirmEmailChange: refuse,
    login: refuse,
    loginCode: refuse,
    logout: refuse,
    updateProfile: refuse,
    exportData: refuse,
    deleteAccount: refuse,
    ...overrides,
  };
}

function storeWith(api: AccountsApi) {
  return create<HavenState>()((...args) => ({
    ...createPreferencesSlice(...args),
    ...createConnectionSlice(...args),
    ...makeSessionSlice(async () => api)(...args),
  }));
}

describe('the session slice', () => {
  it('starts loading, then is signed in or out from /api/me', async () => {
    const signedIn = storeWith(fakeApi({ me: async () => sam }));
    expect(signedIn.getState().sessionStatus).toBe('loading');
    await signedIn.getState().loadSession();
    expect(signedIn.getState()).toMatchObject({ sessionStatus: 'signedIn', user: sam });

    const signedOut = storeWith(fakeApi({ me: async () => null }));
    await signedOut.getState().loadSession();
    expect(signedOut.getState()).toMatchObject({ sessionStatus: 'signedOut', user: null });
  });

  it('says the session could not be loaded when the server is unreachable', async () => {
    const store = storeWith(
      fakeApi({
        me: async () => {
          throw new ApiError('UNAVAILABLE', 0);
        },
      }),
    );
    await store.getState().loadSession();
    expect(store.getState()).toMatchObject({
      sessionStatus: 'failed',
      sessionError: 'UNAVAILABLE',
    });
  });

  it('does not let a slow /api/me answer undo a sign-in that happened meanwhile', async () => {
    let answerMe: (user: OwnUser | null) => void = () => {};
    const store = storeWith(
      fakeApi({
        me: () => new Promise((resolve) => (answerMe = resolve)),
        login: async () => sam,
      }),
    );
    const loading = store.getState().loadSession();
    await store.getState().signIn({ email: sam.email, password: 'x' });
    answerMe(null);
    await loading;
    expect(store.getState()).toMatchObject({ sessionStatus: 'signedIn', user: sam });
  });

  it('leaves the member signed out when an action finds the session gone', async () => {
    const store = storeWith(
      fakeApi({
        login: async () => sam,
        updateProfile: async () => {
          throw unauthenticated();
        },
      }),
    );
    await store.getState().signIn({ email: sam.email, password: 'x' });
    await expect(store.getState().updateProfile({ displayName: 'S' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(store.getState()).toMatchObject({ sessionStatus: 'signedOut', user: null });
  });

  it('keeps the updated member as plain data', async () => {
    const store = storeWith(
      fakeApi({
        verifyEmail: async () => sam,
        updateProfile: async (patch) => ({ ...sam, ...(patch as Partial<OwnUser>) }),
      }),
    );
    await store.getState().confirmSignUp('t'.repeat(43));
    await store.getState().updateProfile({ displayName: 'Sam R' });
    expect(store.getState().user?.displayName).toBe('Sam R');
  });

  it('stays signed in when signing out fails, and signs out when it works', async () => {
    let fail = true;
    const store = storeWith(
      fakeApi({
        login: async () => sam,
        logout: async () => {
          if (fail) throw new ApiError('UNAVAILABLE', 0);
        },
      }),
    );
    await store.getState().signIn({ email: sam.email, password: 'x' });
    await expect(store.getState().signOut()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(store.getState().sessionStatus).toBe('signedIn');
    fail = false;
    await store.getState().signOut();
    expect(store.getState()).toMatchObject({ sessionStatus: 'signedOut', user: null });
  });

  it('is signed out after deleting the account', async () => {
    const store = storeWith(fakeApi({ login: async () => sam, deleteAccount: async () => {} }));
    await store.getState().signIn({ email: sam.email, password: 'x' });
    await store.getState().deleteAccount();
    expect(store.getState()).toMatchObject({ sessionStatus: 'signedOut', user: null });
  });
});
