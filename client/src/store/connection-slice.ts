import type { StateCreator } from 'zustand';
import type { ConnectRefusal } from '../../../shared/protocol.ts';
import type { ServiceStatus } from '../api/health.ts';
import type { HavenState } from './types.ts';

export interface ConnectionSlice {
  /** 'checking' until the first /healthz answer, then what it said (or 'unreachable'). */
  serviceStatus: ServiceStatus;
  /** The server's PROTOCOL_VERSION as last reported by /healthz. */
  serverProtocolVersion: number | null;
  /** True when the server speaks another protocol than this page: only a reload helps. */
  clientOutdated: boolean;
  /** Epoch milliseconds of the last completed check. */
  lastCheckedAt: number | null;
  /** Why the server last refused a Socket.IO connection, for the UI to explain. */
  refusal: ConnectRefusal | null;
  checkServiceStatus: () => Promise<void>;
  setRefusal: (refusal: ConnectRefusal | null) => void;
}

let inFlight: Promise<void> | null = null;

export const createConnectionSlice: StateCreator<HavenState, [], [], ConnectionSlice> = (set) => ({
  serviceStatus: 'checking',
  serverProtocolVersion: null,
  clientOutdated: false,
  lastCheckedAt: null,
  refusal: null,
  checkServiceStatus: () => {
    // Overlapping checks (timer, "Check again", back online) share one request.
    // The checker, with zod and the shared schemas, is its own chunk loaded after first paint.
    inFlight ??= import('../api/health.ts')
      .then(async ({ checkHealth }) => {
        const check = await checkHealth();
        set((state) => ({
          serviceStatus: check.status,
          serverProtocolVersion: check.serverProtocolVersion ?? state.serverProtocolVersion,
          clientOutdated: check.clientOutdated ?? state.clientOutdated,
          lastCheckedAt: Date.now(),
        }));
      })
      .catch(() => {
        // The chunk itself failed to load: offline, or a new deploy replaced it.
        set({ serviceStatus: 'unreachable', lastCheckedAt: Date.now() });
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  },
  setRefusal: (refusal) => set({ refusal }),
});
