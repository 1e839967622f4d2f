import type { FeatureContext } from '../infra/api/feature.ts';

/** The meeting directory: meetings, recurrence and occurrences, calendar files, eligibility. */
export function mountDirectory(_ctx: FeatureContext): void {}
