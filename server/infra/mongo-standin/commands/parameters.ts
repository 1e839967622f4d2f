import { Codes, CommandError } from '../errors.ts';
import { type CommandHandler, GENERIC_FIELDS } from './context.ts';

/** The one run-time parameter the stand-in has, checked as mongod checks it (a positive int). */
function ttlSleep(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new CommandError(
      Codes.BadValue,
      `Invalid value for parameter ttlMonitorSleepSecs: ${String(value)} is not greater than or equal to 1`,
    );
  }
  return value;
}

export const parameterCommands: Record<string, CommandHandler> = {
  setParameter: (cmd, ctx) => {
    if (ctx.db !== 'admin') {
      throw new CommandError(
        Codes.Unauthorized,
        'setParameter may only be run against the admin database.',
      );
    }
    const names = Object.keys(cmd).filter((k) => k !== 'setParameter' && !GENERIC_FIELDS.has(k));
    if (names.length === 0) throw new CommandError(Codes.BadValue, 'no option found to set');
    const params = ctx.server.parameters;
    const unknown = names.find((n) => n !== 'ttlMonitorSleepSecs');
    if (unknown !== undefined) {
      throw new CommandError(
        Codes.InvalidOptions,
        `attempted to set unrecognized parameter [${unknown}], use help:true to see options `,
      );
    }
    const was = params.ttlMonitorSleepSecs;
    params.ttlMonitorSleepSecs = ttlSleep(cmd.ttlMonitorSleepSecs);
    return { was };
  },
};
