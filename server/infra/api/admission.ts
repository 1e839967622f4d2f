import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

export interface AdmissionOptions {
  /** API requests worked on at once; the rest wait in line, first come first served. */
  concurrency: number;
  /** A request holding its place this long gives it up (it goes on, uncounted). */
  holdCapMs: number;
  /** Beyond this many waiting, a request is refused with UNAVAILABLE and Retry-After. */
  maxWaiting: number;
  /** Told after every change of the counts (a metrics gauge; tests await a state with it). */
  onChange?: (state: { working: number; waiting: number }) => void;
}

export const DEFAULT_ADMISSION: AdmissionOptions = {
  concurrency: 4,
  holdCapMs: 1_000,
  maxWaiting: 2_000,
};

/**
 * Why a node works on only a few API requests at once: Node has one event loop, and Socket.IO
 * frames (meeting signalling, chat, `session:ping`) wait in the same queue as every database
 * reply and JSON body of the API. With ten lists in flight a signalling frame waits behind
 * ten requests' worth of callbacks; with four, behind four. Throughput does not drop as long
 * as `concurrency` requests keep the CPU busy while others wait on the database (on one
 * machine with the embedded database, two or three already do; a distant MongoDB needs more,
 * hence API_CONCURRENCY). The place is given up after `holdCapMs`, so one slow request
 * (an export, a large upload) cannot hold the line up.
 */
export function admissionGate(options: AdmissionOptions = DEFAULT_ADMISSION): RequestHandler {
  let working = 0;
  const waiting: Array<() => void> = [];
  const changed = () => options.onChange?.({ working, waiting: waiting.length });
  return (_req, res, next) => {
    const admit = () => {
      working += 1;
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        clearTimeout(cap);
        res.off('finish', release);
        res.off('close', release);
        working -= 1;
        const turn = waiting.shift();
        if (turn) turn();
        else changed();
      };
      const cap = setTimeout(release, options.holdCapMs);
      cap.unref();
      res.once('finish', release);
      res.once('close', release);
      changed();
      next();
    };
    if (working < options.concurrency) admit();
    else if (waiting.length < options.maxWaiting) {
      // A client that gives up while waiting leaves the line at once.
      const turn = (): void => {
        res.off('close', leave);
        admit();
      };
      const leave = () => {
        waiting.splice(waiting.indexOf(turn), 1);
        changed();
      };
      res.once('close', leave);
      waiting.push(turn);
      changed();
    } else {
      res.set('Retry-After', '1');
      next(new AppError('UNAVAILABLE', 'the server is busy; try again in a moment'));
    }
  };
}
