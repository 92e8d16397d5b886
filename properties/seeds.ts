/** A shard's seed: the soak seed plus the shard's index (0-based), so each shard replays on its own. */
export function shardSeed(seed: number, shardIndex: number): number {
  return (seed + shardIndex) >>> 0;
}

/**
 * The seed of run `run` of a shard. Run 0 uses the shard seed itself, so any run is replayed alone
 * with `soak --runs 1 --seed <run seed>`.
 */
export function runSeed(seed: number, run: number): number {
  return (seed + Math.imul(run, 0x9e3779b9)) >>> 0;
}
