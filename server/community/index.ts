import type { FeatureContext } from '../infra/api/feature.ts';

/** Local groups, events with RSVP, posts with comments and reports, feedback. */
export function mountCommunity(_ctx: FeatureContext): void {}
