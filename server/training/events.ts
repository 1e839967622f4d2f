import { EventEmitter } from 'node:events';
import type { Track } from '../../shared/training/content.ts';

export interface TrainingEventMap {
  /** A learner completed every item of the version of a course they are taking (once per course). */
  courseCompleted: [userId: string, courseId: string, track: Track];
}

/**
 * What the training platform tells the rest of Haven (certificates, the facilitator record).
 * `safeEmit` runs every listener and waits for them, even when one throws, so a failing
 * listener never breaks the learner's request; the failure goes to `onListenerError`.
 */
export class TrainingEvents extends EventEmitter<TrainingEventMap> {
  onListenerError: (error: unknown, event: keyof TrainingEventMap) => void = () => {};

  async safeEmit<E extends keyof TrainingEventMap>(
    event: E,
    ...args: TrainingEventMap[E]
  ): Promise<void> {
    // Awaited by the request that completed the course, so the learner's next page already
    // shows the certificate; a failure is logged, never the learner's error.
    await Promise.all(
      this.listeners(event).map(async (listener) => {
        try {
          await (listener as (...a: TrainingEventMap[E]) => unknown)(...args);
        } catch (error) {
          this.onListenerError(error, event);
        }
      }),
    );
  }
}
