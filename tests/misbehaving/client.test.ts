import { join } from 'node:path';
import type { Implementation, Step } from '../../interleaving';
import { DEFAULT_CONFIG, StepRejected } from '../../interleaving';
import { ImplementationBroke, type BrokeReason } from '../../adapters/protocol/broke';
import { connectProtocol, type ProtocolImplementation } from '../../adapters/protocol/client';
import { liveChildren } from '../../adapters/protocol/reaper';
import { newMarker, settledWithout } from './processes';

const program = (name: string) => join(__dirname, 'programs', `${name}.js`);
const STEPS: Step[] = [
  { pid: 1, call: 'fork' },
  { pid: 2, call: 'getppid' },
  { pid: 1, call: 'getppid' },
  { pid: 2, call: 'getppid' },
];

async function connect(name: string, marker: string, extra: string[] = []): Promise<ProtocolImplementation> {
  return connectProtocol([process.execPath, program(name), '--kernel', 'counter', marker, ...extra], { profile: 'freebsd-r176365', timeoutMs: 400 });
}

async function runSteps(impl: Implementation, steps: Step[]): Promise<unknown> {
  await impl.reset(DEFAULT_CONFIG);
  for (const s of steps) await impl.apply(s);
  return null;
}

async function brokeOf(p: Promise<unknown>): Promise<ImplementationBroke> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImplementationBroke) return e;
    throw e;
  }
  throw new Error('no break');
}

describe('the line-protocol client against misbehaving programs', () => {
  test.each<[string, BrokeReason, RegExp]>([
    ['hang', 'hang', /no response within 400 ms/],
    ['crash', 'crash', /exited with code 3/],
    ['garbage', 'garbled', /not JSON/],
    ['wrong-seq', 'seq', /expected seq 4, got 3/],
    ['stderr-die', 'crash', /exited with code 1 after writing to stderr: "fatal: cannot model this step"/],
  ])('%s is a %s break at step 2, and no process is left', async (name, reason, detail) => {
    const marker = newMarker();
    const impl = await connect(name, marker);
    const e = await brokeOf(runSteps(impl, STEPS));
    expect(e.reason).toBe(reason);
    expect(e.message).toMatch(detail);
    expect(e.context).toMatchObject({ request: 'step', step: 2 });
    await impl.close();
    expect(liveChildren()).toBe(0);
    expect(await settledWithout(marker)).toEqual([]);
  });

  test('a liar is not a protocol break: its lie arrives as data', async () => {
    const impl = await connect('liar', newMarker());
    await impl.reset(DEFAULT_CONFIG);
    await impl.apply(STEPS[0]);
    await impl.apply(STEPS[1]);
    expect((await impl.apply(STEPS[2])).observations[0]).toMatchObject({ errno: 'ESRCH' });
    await impl.close();
  });

  test('the handshake names the implementation; without snapshots there is no snapshot method', async () => {
    const impl = await connect('well-behaved', newMarker());
    expect(impl.name).toBe('well-behaved');
    expect(impl.snapshot).toBeUndefined();
    await impl.close();
    expect(liveChildren()).toBe(0);
  });

  test('a rejected step is a StepRejected, not a break', async () => {
    const impl = await connect('well-behaved', newMarker());
    await impl.reset(DEFAULT_CONFIG);
    await expect(impl.apply({ pid: 9, call: 'getppid' })).rejects.toBeInstanceOf(StepRejected);
    expect((await impl.apply(STEPS[0])).observations[0].ret).toBe(2);
    await impl.close();
  });

  test('the program is kept alive across resets, and started afresh after it broke', async () => {
    const marker = newMarker();
    const impl = await connect('crash', marker, ['--at', '5']);
    await runSteps(impl, STEPS.slice(0, 3));
    // Steps 4 and 5 of the same program: it crashes at its fifth, so it was not restarted by the reset.
    expect((await brokeOf(runSteps(impl, STEPS.slice(0, 2)))).context.step).toBe(1);
    await runSteps(impl, STEPS.slice(0, 3));
    await impl.close();
    expect(await settledWithout(marker)).toEqual([]);
  });

  test('a program that never answers the handshake is a hang at hello, and is killed', async () => {
    const marker = newMarker();
    const e = await brokeOf(connectProtocol([process.execPath, program('mute'), marker], { profile: 'freebsd-r176365', startTimeoutMs: 300 }));
    expect(e.reason).toBe('hang');
    expect(e.context.request).toBe('hello');
    expect(await settledWithout(marker)).toEqual([]);
  });

  test('a program that cannot be started is a spawn break', async () => {
    const e = await brokeOf(connectProtocol('/nonexistent/impl --flag', { profile: 'freebsd-r176365' }));
    expect(e.reason).toBe('spawn');
    expect(e.message).toMatch(/nonexistent\/impl/);
    expect(liveChildren()).toBe(0);
  });
});
