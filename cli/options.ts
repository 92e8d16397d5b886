import type { ProfileName } from '../interleaving';
import { PROFILE_NAMES } from '../interleaving';
import { UsageError } from './usage-error';

/** A whole number within bounds, from an option's text. */
export function integerOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER): (text: string) => number {
  return (text: string) => {
    if (!/^-?[0-9]+$/.test(text.trim())) throw new UsageError(`${name} must be a whole number, got ${JSON.stringify(text)}`);
    const n = Number(text);
    if (n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}

/** The run seed: a 32-bit integer, as fast-check takes it. */
export const seedOption = integerOption('--seed', -0x80000000, 0x7fffffff);

export function profileOption(text: string): ProfileName {
  if (!(PROFILE_NAMES as readonly string[]).includes(text)) throw new UsageError(`--profile must be one of ${PROFILE_NAMES.join(', ')}, got ${JSON.stringify(text)}`);
  return text as ProfileName;
}

/** `--shard i/n`: the i-th of n equal parts of the runs, counted from 1. */
export function shardOption(text: string): { index: number; count: number } {
  const m = /^([0-9]+)\/([0-9]+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--shard must look like i/n (for example 2/4), got ${JSON.stringify(text)}`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new UsageError(`--shard i/n needs 1 <= i <= n, got ${text}`);
  return { index, count };
}
