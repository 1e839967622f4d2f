/** Percentile by linear interpolation between the closest ranks (numpy's default). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (rank - low);
}

export const median = (values: number[]) => percentile(values, 50);
export const max = (values: number[]) => (values.length ? Math.max(...values) : Number.NaN);
