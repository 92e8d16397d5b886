import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Implementation, Interleaving } from '../../interleaving';
import { connectProtocol } from '../../adapters/protocol/client';
import { createOracle } from '../../oracle';
import { execute } from '../../runner/execute';
import { corpus } from '../corpus';
import type { Budget, FigureResult } from '../figure';
import { fixed, spread, table, whole } from '../format';
import { rate, timeForAsync } from '../repeat';
import { REPO_ROOT } from '../repo-root';
import { ratios, summarize } from '../stats';

/** Replays every interleaving of the list on the implementation; the number replayed. */
function replayAll(impl: Implementation, ils: readonly Interleaving[]): () => Promise<number> {
  return async () => {
    for (const il of ils) await execute(impl, il);
    return ils.length;
  };
}

/** Figure 4: replays per second to the oracle server over the line protocol (kept alive), beside in process. */
export async function lineProtocol(b: Budget): Promise<FigureResult> {
  const server = join(REPO_ROOT, 'dist', 'adapters', 'protocol', 'oracle-server.js');
  if (!existsSync(server)) return { title: 'Through the line protocol', body: `Skipped: ${server} is missing (run \`npm run build\`).`, targets: [] };
  const ils = corpus(b.seed, b.quick ? 20 : 60);
  const remote = await connectProtocol([process.execPath, server], { profile: 'freebsd-r176365' });
  const local = createOracle();
  const wire: number[] = [];
  const inProcess: number[] = [];
  try {
    await replayAll(remote, ils)();
    await replayAll(local, ils)();
    for (let r = 0; r < b.rounds; r++) {
      const order = r % 2 === 0 ? ['wire', 'local'] : ['local', 'wire'];
      for (const which of order) {
        if (which === 'wire') wire.push(rate(await timeForAsync(b.passSeconds, replayAll(remote, ils))));
        else inProcess.push(rate(await timeForAsync(b.passSeconds, replayAll(local, ils))));
      }
    }
  } finally {
    await remote.close();
  }
  const ratio = summarize(ratios(wire, inProcess));
  const steps = ils.reduce((n, il) => n + il.steps.length, 0);
  const body = [
    `The same ${ils.length} interleavings (${steps} steps) replayed with \`execute\` (no invariants, no snapshots) on the oracle in process and ` +
      `on \`node dist/adapters/protocol/oracle-server.js\` over the line protocol, one program kept alive across replays (reset between them); ` +
      `${b.rounds} rounds side by side, ≥ ${b.passSeconds} s per pass.`,
    '',
    table(['', 'replays/s', 'steps/s (median)'], [
      ['in process', spread(summarize(inProcess)), whole((summarize(inProcess).median * steps) / ils.length)],
      ['line protocol, kept alive', spread(summarize(wire)), whole((summarize(wire).median * steps) / ils.length)],
      ['**ratio protocol / in process**', `${fixed(ratio.median, 3)} (${fixed(ratio.min, 3)}–${fixed(ratio.max, 3)})`, ''],
    ]),
  ].join('\n');
  return { title: 'Through the line protocol', body, targets: [] };
}
