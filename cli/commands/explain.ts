import { resolve } from 'node:path';
import type { ProfileName, Snapshot, StepResult } from '../../interleaving';
import { StepRejected, withDefaults } from '../../interleaving';
import { openTarget } from '../../adapters/targets';
import { readFixture } from '../../runner/fixture-reader';
import { formatCall, formatObservation } from '../../runner/shrink-print';
import { EXIT_OK } from '../exit-codes';
import { processTree } from '../explain/tree';
import { timelineSvg } from '../explain/timeline-svg';
import type { Io } from '../io';
import { UsageError } from '../usage-error';
import { writeFileAtomic } from '../write-atomic';
import { interleavingIn } from './replay';

export interface ExplainOptions {
  impl: string;
  profile: ProfileName;
  timeout: number;
  svg?: string;
}

const indent = (text: string, by = '    ') => text.split('\n').map((l) => `${by}${l}`).join('\n');

/** The SVG goes next to the fixture (x.json → x.svg) unless --svg names a file. */
export function svgPathFor(fixtureFile: string, svg: string | undefined, cwd: string): string {
  return resolve(cwd, svg ?? fixtureFile.replace(/(\.json)?$/, '.svg'));
}

/**
 * `reapcheck explain FIXTURE`: the interleaving step by step, what each step did, and the process
 * tree after it; plus an SVG timeline of the processes.
 */
export async function explainCommand(file: string, o: ExplainOptions, io: Io): Promise<number> {
  const fixture = readFixture(file);
  const il = interleavingIn(fixture, o.profile);
  const target = await openTarget(o.impl, { profile: o.profile, timeoutMs: o.timeout, cwd: io.cwd });
  const snapshots: Snapshot[] = [];
  const out: string[] = [`${fixture.name} (${fixture.kind}) on ${o.impl}, profile ${o.profile}`, indent(fixture.description, '  ')];
  try {
    if (!target.snapshot) throw new UsageError(`explain needs process-table snapshots, which ${o.impl} does not give; try --impl oracle`);
    const config = withDefaults(il.config);
    await target.reset(config);
    snapshots.push(await target.snapshot());
    out.push('after reset:', indent(processTree(snapshots[0])));
    for (const [i, step] of il.steps.entries()) {
      out.push(`step ${i}: pid ${step.pid} ${formatCall(step)}`);
      let result: StepResult;
      try {
        result = await target.apply(step);
      } catch (e) {
        if (!(e instanceof StepRejected)) throw e;
        out.push(`  rejected: ${e.message}; the rest of the interleaving is not run`);
        break;
      }
      for (const ob of result.observations) out.push(`  ⇒ ${formatObservation(ob)}`);
      for (const l of result.log) out.push(`  log: ${l}`);
      snapshots.push(await target.snapshot());
      out.push(indent(processTree(snapshots[snapshots.length - 1])));
      if (result.panic !== undefined) {
        out.push(`  panic: ${result.panic}; the rest of the interleaving is not run`);
        break;
      }
    }
  } finally {
    await target.close?.();
  }
  const svgFile = svgPathFor(file, o.svg, io.cwd);
  writeFileAtomic(svgFile, timelineSvg(il.steps, snapshots, `${fixture.name} on ${o.impl}`));
  out.push(`timeline: ${svgFile}`);
  io.out(`${out.join('\n')}\n`);
  return EXIT_OK;
}
