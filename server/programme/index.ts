import type { FeatureContext } from '../infra/api/feature.ts';

/** Publications, private 4-Point worksheets, tool proposals, partners and enquiries. */
export function mountProgramme(_ctx: FeatureContext): void {}
