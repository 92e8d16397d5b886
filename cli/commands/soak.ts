import { formatThroughput, soak } from '../../properties/soak';
import { propertiesOf } from '../../runner/report';
import { formatJson } from '../../runner/report-json';
import { EXIT_FAILURE, EXIT_OK } from '../exit-codes';
import type { Io } from '../io';
import { startProgress } from '../progress';

export interface SoakCommandOptions {
  runs: number;
  seed: number;
  shard?: { index: number; count: number };
  maxSteps: number;
  errata: boolean;
  json: boolean;
}

/**
 * `reapcheck soak`: a long run of the oracle against the invariants (properties/soak.ts), with a
 * progress bar on a terminal, the shrunk failures and the state-coverage table.
 */
export async function soakCommand(o: SoakCommandOptions, io: Io): Promise<number> {
  const progress = startProgress(io, o.runs, 'reapcheck soak');
  let result;
  try {
    result = await soak({ runs: o.runs, seed: o.seed, shard: o.shard, maxSteps: o.maxSteps, errata: o.errata }, (p) => progress.update(p.done, p.failedRuns));
  } finally {
    progress.stop();
  }
  if (o.json) {
    const { runs, steps, failedRuns, failuresByProperty, counts } = result;
    const shard = o.shard ? `${o.shard.index}/${o.shard.count}` : null;
    io.out(`${formatJson({ seed: o.seed, shard, runs, steps, failedRuns, failuresByProperty, properties: propertiesOf(counts) })}\n`);
  } else {
    io.out(`${result.text}\n${formatThroughput(result)}\n`);
  }
  return result.failedRuns > 0 ? EXIT_FAILURE : EXIT_OK;
}
