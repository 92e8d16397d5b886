import { join } from 'node:path';
import { openTarget, TargetError } from '../../adapters/targets';
import { ModuleTargetError } from '../../adapters/module/load';
import { DEFAULT_CONFIG, StepRejected } from '../../interleaving';

const o = { profile: 'freebsd-r176365' as const };

describe('openTarget', () => {
  test('oracle is the in-process oracle, with snapshots', async () => {
    const impl = await openTarget('oracle', o);
    impl.reset(DEFAULT_CONFIG);
    expect((impl.apply({ pid: 1, call: 'fork' }) as { observations: { ret?: number }[] }).observations[0].ret).toBe(2);
    expect(typeof impl.snapshot).toBe('function');
  });

  test('mutant:NAME resolves through the mutants registry, and names the available ones when wrong', async () => {
    await expect(openTarget('mutant:no-such-mutant', o)).rejects.toThrow(/no mutant named "no-such-mutant"; available: /);
  });

  test('unknown targets are a TargetError listing the forms', async () => {
    await expect(openTarget('oracel', o)).rejects.toThrow(TargetError);
    await expect(openTarget('oracel', o)).rejects.toThrow(/unknown target "oracel": expected oracle, mutant:NAME, host, a module path/);
  });

  test('a TypeScript module is loaded through ts-node, and its StepRejected is the runner\'s', async () => {
    const impl = await openTarget(join(__dirname, 'targets/ts-module.ts'), o);
    expect(impl.name).toBe('ts-module');
    await impl.reset(DEFAULT_CONFIG);
    expect(() => impl.apply({ pid: 5, call: 'getppid' })).toThrow(StepRejected);
  });

  test('a module exporting something else is a ModuleTargetError naming its exports', async () => {
    await expect(openTarget(join(__dirname, 'targets/empty-module.js'), o)).rejects.toThrow(ModuleTargetError);
  });
});
