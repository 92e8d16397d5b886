import type { Observation, StepResult } from '../../interleaving';
import { compareResults, type CompareOptions } from '../../runner/compare';

const SAME: CompareOptions = { expectedProfile: 'freebsd-r176365', actualProfile: 'freebsd-r176365' };

function result(o: Partial<Observation>, log: string[] = []): StepResult {
  return { observations: [{ step: 3, pid: 5, call: 'sigpending', kind: 'return', ret: 0, ...o }], log };
}

describe('compareResults', () => {
  it('finds nothing between equal results, the same signals in another order, or one log line split in two', () => {
    expect(compareResults(3, result({ sigs: ['SIGHUP', 'SIGCHLD'] }), result({ sigs: ['SIGHUP', 'SIGCHLD'] }), SAME)).toEqual([]);
    expect(compareResults(3, result({ sigs: ['SIGHUP', 'SIGCHLD'] }), result({ sigs: ['SIGCHLD', 'SIGHUP'] }), SAME)).toEqual([]);
    expect(compareResults(3, result({}, ['a\nb']), result({}, ['a', 'b']), SAME)).toEqual([]);
  });

  it('names each differing field with the rule of the call, in field order', () => {
    const d = compareResults(3, result({ ret: 0, errno: undefined, sigs: ['SIGHUP'] }), result({ ret: -1, errno: 'EINVAL', sigs: ['SIGTERM'] }), SAME);
    expect(d).toEqual([
      { step: 3, observation: 0, field: 'ret', expected: 0, actual: -1, rule: 'semantics.md §3.9.6 (E16)' },
      { step: 3, observation: 0, field: 'errno', expected: undefined, actual: 'EINVAL', rule: 'semantics.md §3.9.6 (E16)' },
      { step: 3, observation: 0, field: 'sigs', expected: ['SIGHUP'], actual: ['SIGTERM'], rule: 'semantics.md §3.9.6 (E16)' },
    ]);
  });

  it('tells an empty signal set from none, and a longer set from a shorter one', () => {
    expect(compareResults(3, result({ sigs: [] }), result({}), SAME).map((x) => x.field)).toEqual(['sigs']);
    expect(compareResults(3, result({ sigs: ['SIGHUP'] }), result({ sigs: ['SIGHUP', 'SIGHUP'] }), SAME).map((x) => x.field)).toEqual(['sigs']);
  });

  it('reports a differing log as a step-level divergence of abort2', () => {
    const d = compareResults(3, result({}, ['x']), result({}, ['y']), SAME);
    expect(d).toEqual([{ step: 3, observation: -1, field: 'log', expected: ['x'], actual: ['y'], rule: 'kern_exit.c:548-614' }]);
    expect(compareResults(3, result({}, ['x']), result({}, ['x', '']), SAME).map((x) => x.field)).toEqual(['log']);
  });
});
