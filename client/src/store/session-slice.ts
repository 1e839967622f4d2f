import type { StateCreator } from 'zustand';
import type { OwnUser } from '../../../shared/api/accounts.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import type { AccountsApi, LoginInput, ProfileUpdate, RegisterInput } from '../api/accounts.ts';
import { isApiError } from '../api/errors.ts';
import { clearAllDrafts } from '../forms/local-drafts.ts';
import type { HavenState } from './types.ts';

/** 'loading' until /api/me answers; 'failed' when it could not (the server is unreachable). */
export type SessionStatus = 'loading' | 'signedIn' | 'signedOut' | 'failed';

/** A short message shown once on one page after an action took the member there. */
export type FlashKey = 'welcomeBack' | 'emailConfirmed' | 'signedOut' | 'deleted' | 'signOutFailed';
export interface Flash {
  key: FlashKey;
  /** The page it belongs to; navigating anywhere else clears it. */
  path: string;
  name?: string;
}

export interface SessionSlice {
  sessionStatus: SessionStatus;
  /** The signed-in member as plain data, or null. */
  user: OwnUser | null;
  /** Why loading the session failed, when `sessionStatus` is 'failed'. */
  sessionError: ErrorCode | null;
  flash: Flash | null;
  loadSession: () => Promise<void>;
  /** These throw `ApiError` for the form to show; the store only keeps the outcome. */
  /** Null when the password was right and a two-factor code is needed (`signInWithCode`). */
  signIn: (input: LoginInput) => Promise<OwnUser | null>;
  signInWithCode: (code: string) => Promise<OwnUser>;
  /** Registers; nobody is signed in until the emailed link is opened (confirmSignUp). */
  signUp: (input: RegisterInput) => Promise<void>;
  /** The emailed link's token: the account is made and signed in on this browser. */
  confirmSignUp: (token: string) => Promise<OwnUser>;
  /** "Send the link again": answered alike for every address. */
  resendVerification: (email: string) => Promise<void>;
  /** An email change's link: the account moves to the new address. */
  confirmEmailChange: (token: string) => Promise<void>;
  signOut: () => Promise<void>;
  updateProfile: (patch: ProfileUpdate) => Promise<OwnUser>;
  deleteAccount: () => Promise<void>;
  /** Everything Haven holds about the member (GET /api/me/export), for saving as a file. */
  exportMyData: () => Promise<unknown>;
  showFlash: (flash: Flash | null) => void;
}

/** The accounts API is loaded on first use: it brings zod and the schemas (see connection-slice). */
export type AccountsLoader = () => Promise<AccountsApi>;
const loadAccounts: AccountsLoader = () => import('../api/accounts.ts').then((m) => m.accounts);

export function makeSessionSlice(
  load: AccountsLoader = loadAccounts,
): StateCreator<HavenState, [], [], SessionSlice> {
  // Bumped by every sign-in, sign-up and sign-out, so a slow /api/me answer that started
  // before one of them cannot overwrite what the member just did.
  let generation = 0;

  return (set, get) => {
    const signedIn = (user: OwnUser) => {
      generation++;
      set({ sessionStatus: 'signedIn', user, sessionError: null });
      return user;
    };
    const signedOut = () => {
      generation++;
      set({ sessionStatus: 'signedOut', user: null, sessionError: null });
    };
    /** A member action that finds the session gone leaves the store signed out. */
    const asMember = async <T>(action: (api: AccountsApi) => Promise<T>): Promise<T> => {
      try {
        return await action(await load());
      } catch (error) {
        if (isApiError(error) && error.code === 'UNAUTHENTICATED') signedOut();
        throw error;
      }
    };

    return {
      sessionStatus: 'loading',
      user: null,
      sessionError: null,
      flash: null,
      loadSession: async () => {
        const started = generation;
        set((state) => (state.sessionStatus === 'failed' ? { sessionStatus: 'loading' } : {}));
        try {
          const user = await (await load()).me();
          if (started !== generation) return;
          if (user) signedIn(user);
          else signedOut();
        } catch (error) {
          if (started !== generation) return;
          set({
            sessionStatus: 'failed',
            user: null,
            sessionError: isApiError(error) ? error.code : 'UNAVAILABLE',
          });
        }
      },
      signIn: async (input) => {
        const user = await (await load()).login(input);
        return user ? signedIn(user) : null;
      },
      signInWithCode: async (code) => signedIn(await (await load()).loginCode(code)),
      signUp: async (input) => (await load()).register(input),
      confirmSignUp: async (token) => signedIn(await (await load()).verifyEmail(token)),
      resendVerification: async (email) => (await load()).resendVerification(email),
      confirmEmailChange: async (token) => {
        const api = await load();
        await api.confirmEmailChange(token);
        // The member may be signed in here: the page then shows the new address.
        if (get().user) {
          const user = await api.me();
          if (user) signedIn(user);
        }
      },
      signOut: async () => {
        // When the request fails the server still holds the session: stay honest and signed in.
        await (await load()).logout();
        // Unsaved drafts can be private writing on a shared computer: they go with the session.
        clearAllDrafts();
        signedOut();
      },
      updateProfile: (patch) => asMember(async (api) => signedIn(await api.updateProfile(patch))),
      deleteAccount: () =>
        asMember(async (api) => {
          await api.deleteAccount();
          clearAllDrafts();
          signedOut();
        }),
      exportMyData: () => asMember((api) => api.exportData()),
      showFlash: (flash) => set({ flash }),
    };
  };
}

export const createSessionSlice = makeSessionSlice();
