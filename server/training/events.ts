import { EventEmitter } from 'node:events';
import type { Track } from '../../shared/training/content.ts';

export interface TrainingEventMap {
  /** A learner completed every item of the version of a course they are taking (once per course). */
  courseCompleted: [userId: string, courseId: string, track: Track];
}

/**
 * What the training platform tells the rest of Haven (certificates, the facilitator record).
 * `safeEmit` runs every listener even when one throws, so a failing listener never breaks
 * the learner's request; the failure goes to `onListenerError`.
 */
export class TrainingEvents extends EventEmitter<TrainingEventMap> {
  onListenerError: (error: unknown, event: keyof TrainingEventMap) => void = () => {};

  safeEmit<E extends keyof TrainingEventMap>(event: E, ...args: TrainingEventMap[E]): void {
    for (const listener of this.listeners(event)) {
      try {
        const result = (listener as (...a: TrainingEventMap[E]) => unknown)(...args);
        if (result instanceof Promise) result.catch((error) => this.onListenerError(error, event));
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }
}
