import type { ProfileName } from '../../interleaving';
import { createOracle } from '../../oracle';
import { describeOutcome, firstDifference, runSteps, type StepOutcome } from './outcome';
import type { DivergenceRow } from './rows';

export const FREEBSD: ProfileName = 'freebsd-r176365';
export const LINUX: ProfileName = 'linux';

/** A row run on both profiles of the oracle: the first step where they part, and what each did. */
export interface ShownDivergence {
  row: DivergenceRow;
  freebsd: StepOutcome[];
  linux: StepOutcome[];
  /** Index of the first step whose outcomes differ (-1: the row shows nothing, a bug in the row). */
  at: number;
  freebsdText: string;
  linuxText: string;
}

/** Run one row's interleaving on the FreeBSD and the Linux profile of the oracle. */
export async function showDivergence(row: DivergenceRow): Promise<ShownDivergence> {
  const freebsd = await runSteps(createOracle(), { ...row.config, profile: FREEBSD }, row.steps);
  const linux = await runSteps(createOracle(), { ...row.config, profile: LINUX }, row.steps);
  const at = row.focus ?? firstDifference(freebsd, FREEBSD, linux, LINUX);
  return {
    row, freebsd, linux, at,
    freebsdText: at < 0 ? '' : describeOutcome(freebsd[at], FREEBSD),
    linuxText: at < 0 ? '' : describeOutcome(linux[at], LINUX),
  };
}
