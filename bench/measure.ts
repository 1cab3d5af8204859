/**
 * Timing helpers shared by the benchmarks. A figure is the best of several rounds: on a shared
 * 2-core machine the slowest rounds measure the neighbours, the fastest one measures the code.
 */
export interface Rate {
  readonly perSecond: number;
  readonly operations: number;
  readonly ms: number;
}

/** Runs `step` (which does `batch` operations) until `ms` have passed; returns the rate. */
export function rate(step: () => void, batch: number, ms: number): Rate {
  const start = performance.now();
  let operations = 0;
  let elapsed = 0;
  while (elapsed < ms) {
    step();
    operations += batch;
    elapsed = performance.now() - start;
  }
  return { perSecond: (operations / elapsed) * 1000, operations, ms: elapsed };
}

export function best(rounds: readonly Rate[]): Rate {
  return rounds.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** One result line: the figure, its baseline, their ratio, and the goal it is held to. */
export function report(name: string, value: string, baseline: string, ratio: number, goal: string): string {
  return `${name.padEnd(34)} ${value.padStart(18)}  baseline ${baseline.padStart(18)}  ratio ${fmt(ratio, 3).padStart(6)}  ${goal}`;
}
