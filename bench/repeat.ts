import { secondsSince } from './stats';

/** One timed pass: how much work it did (steps, interleavings, …) and how long it took. */
export interface Pass {
  work: number;
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds of this process (user + system): less sensitive to other work on the machine. */
  cpuSeconds: number;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
}

/** Runs `once` (returning its work) until at least `minSeconds` have passed; the total work and time. */
export function timeFor(minSeconds: number, once: () => number): Pass {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  let work = 0;
  let seconds = 0;
  do {
    work += once();
    seconds = secondsSince(start);
  } while (seconds < minSeconds);
  return { work, seconds, cpuSeconds: cpuSecondsSince(cpu) };
}

/** The same, for asynchronous work. */
export async function timeForAsync(minSeconds: number, once: () => Promise<number>): Promise<Pass> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  let work = 0;
  let seconds = 0;
  do {
    work += await once();
    seconds = secondsSince(start);
  } while (seconds < minSeconds);
  return { work, seconds, cpuSeconds: cpuSecondsSince(cpu) };
}

/** Work per wall-clock second of a pass. */
export function rate(p: Pass): number {
  return p.work / p.seconds;
}

/** Work per CPU second of a pass. */
export function cpuRate(p: Pass): number {
  return p.work / Math.max(p.cpuSeconds, 1e-9);
}

/**
 * Runs each contender once per round, in the same round, for `rounds` rounds (after one untimed
 * warm-up pass each), and returns each contender's passes: pass i of every contender was measured
 * side by side in round i.
 */
export function sideBySide<K extends string>(rounds: number, contenders: Record<K, () => Pass>): Record<K, Pass[]> {
  const keys = Object.keys(contenders) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as Pass[]])) as Record<K, Pass[]>;
  // One untimed pass each first, so the JIT has compiled every contender's code before any is timed.
  for (const k of keys) contenders[k]();
  for (let r = 0; r < rounds; r++) {
    // Alternate the order so neither contender always runs on a warmer (or busier) machine.
    const order = r % 2 === 0 ? keys : [...keys].reverse();
    for (const k of order) out[k].push(contenders[k]());
  }
  return out;
}
