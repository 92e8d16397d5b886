import { Command, InvalidArgumentError } from 'commander';
import type { Budget } from './figure';

export interface BenchOptions extends Budget {
  /** Where the report goes (default BENCHMARKS.md in the working directory). */
  out: string;
  /** Figures to run, by key (default all). */
  only: readonly string[] | null;
}

function wholeNumber(what: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`${what} must be a whole number, not ${JSON.stringify(v)}`);
    return Number(v);
  };
}

/** Parses `npm run bench -- [--quick] [--seed N] [--out FILE] [--only a,b]`; exits with a clear message on bad input. */
export function parseOptions(argv: readonly string[], figureKeys: readonly string[]): BenchOptions {
  const cmd = new Command('bench')
    .description('Measure reapcheck and write BENCHMARKS.md')
    .option('--quick', 'a smoke run: small budgets, 2 rounds', false)
    .option('--seed <n>', 'seed of the generated interleavings', wholeNumber('--seed'), 1)
    .option('--out <file>', 'report file', 'BENCHMARKS.md')
    .option('--only <figures>', `comma-separated figures to run: ${figureKeys.join(', ')}`)
    .exitOverride((e) => process.exit(e.exitCode))
    .parse([...argv], { from: 'user' });
  const o = cmd.opts<{ quick: boolean; seed: number; out: string; only?: string }>();
  const only = o.only === undefined ? null : o.only.split(',').map((s) => s.trim()).filter(Boolean);
  for (const k of only ?? []) if (!figureKeys.includes(k)) cmd.error(`error: --only: no figure named ${JSON.stringify(k)}; figures are ${figureKeys.join(', ')}`);
  return { quick: o.quick, seed: o.seed, out: o.out, only, rounds: o.quick ? 2 : 5, passSeconds: o.quick ? 0.2 : 1 };
}
