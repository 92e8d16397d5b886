import type { Interleaving, Step } from '../../interleaving';
import type { Failure } from '../../runner/execute';
import { shrink } from '../../runner/shrink';
import { alternativeSteps, creationForms } from '../../runner/shrink-alternatives';
import { mergeIntoCreator } from '../../runner/shrink-merge';
import { moveStep } from '../../runner/shrink-moves';
import { swapCreated } from '../../runner/shrink-swap';

const fork = (pid: number): Step => ({ pid, call: 'fork' });
const vfork = (pid: number): Step => ({ pid, call: 'vfork' });
const exit = (pid: number): Step => ({ pid, call: 'exit', code: 0 });
const wait = (pid: number): Step => ({ pid, call: 'wait4', wpid: -1, options: [], status: 'valid', rusage: 'null' });
const owait = (pid: number): Step => ({ pid, call: 'owait' });
const kill = (pid: number, target: number, sig: 'SIGKILL' | 'SIGCONT'): Step => ({ pid, call: 'kill', target, sig });
const attach = (pid: number, target: number): Step => ({ pid, call: 'ptrace', req: 'PT_ATTACH', target, data: 0 });
const traceMe = (pid: number): Step => ({ pid, call: 'ptrace', req: 'PT_TRACE_ME', target: 0, data: 0 });
const getppid = (pid: number): Step => ({ pid, call: 'getppid' });
const linuxThread = (pid: number): Step => ({ pid, call: 'rfork', flags: ['RFPROC', 'RFLINUXTHPN'] });

/**
 * A stand-in target whose failures are listed: an interleaving fails at the end of its first prefix
 * in `failing`, so each test says exactly which rewrites a pass must find.
 */
function failsOnlyOn(...failing: Step[][]) {
  const known = new Set(failing.map((steps) => JSON.stringify(steps)));
  return (il: Interleaving): Failure | null => {
    for (let n = 1; n <= il.steps.length; n++) {
      if (known.has(JSON.stringify(il.steps.slice(0, n)))) return { property: 'listed', step: n - 1, message: 'listed' };
    }
    return null;
  };
}

async function shrinkListed(start: Step[], ...others: Step[][]) {
  const fails = failsOnlyOn(start, ...others);
  const out = await shrink({ config: {}, steps: start }, fails({ config: {}, steps: start })!, fails);
  expect(out.minimal).toBe(true);
  return out.interleaving.steps;
}

describe('deeper shrink passes', () => {
  it('fold a created process into its creator: its steps become the creator\'s, later pids shift down', () => {
    const steps = [fork(1), fork(1), wait(2), kill(3, 2, 'SIGKILL')];
    expect(mergeIntoCreator(steps, 0, [2, 3, null, null])).toEqual([fork(1), wait(1), kill(2, 1, 'SIGKILL')]);
  });

  it('offer other forms of a step: vfork for fork, another caller, the exit of a process it names or an earlier one', () => {
    expect(alternativeSteps(fork(2), [1, 2, 3])).toEqual([vfork(2), linuxThread(2), fork(1), fork(3), exit(2), exit(1), exit(3)]);
    expect(alternativeSteps(getppid(3), [1])).toEqual([getppid(1), exit(3), exit(1)]);
  });

  it('offer the tracee\'s own PT_TRACE_ME for an attach', () => {
    expect(alternativeSteps(attach(3, 2), [])).toEqual([traceMe(2), exit(3), exit(2)]);
  });

  it('offer a SIGKILL to a whole group for a death, never the step itself', () => {
    const groupKills = (q: number) => [kill(q, 0, 'SIGKILL'), kill(q, -1, 'SIGKILL')];
    expect(alternativeSteps(exit(2), [1, 2])).toEqual([exit(1), ...groupKills(1), ...groupKills(2)]);
    expect(alternativeSteps(kill(1, 0, 'SIGKILL'), [1])).toEqual([exit(1), kill(1, -1, 'SIGKILL')]);
  });

  it('let two created processes trade places after the second is created, unless the first acted in between', () => {
    const steps = [fork(1), fork(1), attach(3, 2), exit(3)];
    expect(swapCreated(steps, 0, 1, [2, 3, null, null])).toEqual([fork(1), fork(1), attach(2, 3), exit(2)]);
    expect(swapCreated([fork(1), exit(2), fork(1), exit(3)], 0, 2, [2, null, 3, null])).toBeNull();
    expect(swapCreated(steps, 0, 2, [2, 3, null, null])).toBeNull();
  });

  it('put the process that acts first at the lower pid, then trade its fork for a vfork', async () => {
    const start = [fork(1), fork(1), attach(3, 2), exit(3), wait(1)];
    const swapped = [fork(1), fork(1), attach(2, 3), exit(2), wait(1)];
    const shortest = [fork(1), vfork(1), attach(2, 3), exit(2)];
    expect(await shrinkListed(start, swapped, shortest)).toEqual(shortest);
    expect(await shrinkListed(start, shortest)).toEqual(start);
  });

  it('create a process three ways, and no process by a step that creates none', () => {
    expect(creationForms(vfork(2))).toEqual([fork(2), linuxThread(2)]);
    expect(creationForms({ pid: 1, call: 'rfork', flags: ['RFFDG'] })).toEqual([]);
  });

  it('change how two processes are created at once when one change alone fails nothing', async () => {
    const start = [fork(1), wait(1), fork(2), exit(3)];
    const shortest = [vfork(1), linuxThread(2), exit(3)];
    expect(await shrinkListed(start, shortest)).toEqual(shortest);
  });

  it('move a step anywhere', () => {
    expect(moveStep([fork(1), wait(1), exit(2)], 1, 2)).toEqual([fork(1), exit(2), wait(1)]);
    expect(moveStep([fork(1), wait(1), exit(2)], 2, 0)).toEqual([exit(2), fork(1), wait(1)]);
  });

  it('trade fork for vfork when the wait it made redundant can go (the rewrite alone is invalid)', async () => {
    expect(await shrinkListed([fork(1), wait(1), exit(2)], [vfork(1), exit(2)])).toEqual([vfork(1), exit(2)]);
  });

  it('trade a debugger\'s kill for an exit, cutting after the earlier failure', async () => {
    const start = [fork(1), fork(1), attach(3, 2), kill(1, 3, 'SIGKILL')];
    expect(await shrinkListed(start, [fork(1), fork(1), exit(2)])).toEqual([fork(1), fork(1), exit(2)]);
  });

  it('move a wait after the events it should see, so the process that caused them can fold into init', async () => {
    const start = [fork(1), fork(1), owait(1), kill(3, 2, 'SIGCONT')];
    const moved = [fork(1), fork(1), kill(3, 2, 'SIGCONT'), owait(1)];
    expect(await shrinkListed(start, moved, [fork(1), kill(1, 2, 'SIGCONT'), owait(1)])).toEqual([fork(1), kill(1, 2, 'SIGCONT'), owait(1)]);
  });

  it('adopt no same-length rewrite on its own: with nothing shorter listed, the start is the result', async () => {
    const start = [fork(1), fork(1), owait(1), kill(3, 2, 'SIGCONT')];
    expect(await shrinkListed(start, [fork(1), fork(1), kill(3, 2, 'SIGCONT'), owait(1)])).toEqual(start);
  });
});
