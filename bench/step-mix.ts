import type { Step } from '../interleaving';

/** Share of each call in a list of steps, in percent, by call name. */
export function stepMix(steps: readonly Step[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of steps) counts[s.call] = (counts[s.call] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).map(([call, n]) => [call, (100 * n) / Math.max(steps.length, 1)]));
}
