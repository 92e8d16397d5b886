import { withDefaults, type Config } from '../../interleaving';
import { createOracle } from '../../oracle';
import { nextPid } from '../../oracle/kernel/pid-allocator';

/** The pid allocator's wrap (semantics.md §3.2, §9.5) and the config checks, at their edges. */
describe('pid allocation and config bounds', () => {
  const free = () => false;

  test('§3.2: the id after lastpid; pidMax itself is never handed out: the allocator wraps to the floor', () => {
    expect(nextPid(5, 10, 3, free)).toBe(6);
    expect(nextPid(8, 10, 3, free)).toBe(9);
    expect(nextPid(9, 10, 3, free)).toBe(3);
  });

  test('§3.2: ids in use (pid, pgid or sid) are skipped, after the wrap too; with none left the answer is -1', () => {
    expect(nextPid(9, 10, 3, (id) => id === 3 || id === 4)).toBe(5);
    expect(nextPid(5, 10, 3, (id) => id !== 4)).toBe(4); // found after the wrap
    expect(nextPid(5, 10, 3, () => true)).toBe(-1);
  });

  test('config: each bound is taken at its minimum and refused one below, naming the field and value', () => {
    const reset = (c: Partial<Config>) => () => createOracle().reset(withDefaults(c));
    expect(reset({ pidMax: 3, pidFloor: 2 })).not.toThrow();
    expect(reset({ pidMax: 2, pidFloor: 2 })).toThrow('config.pidMax must be an integer ≥ 3, got 2');
    expect(reset({ pidFloor: 1 })).toThrow('config.pidFloor must be an integer ≥ 2, got 1');
    expect(reset({ maxproc: 1, nprocLimit: 1 })).not.toThrow();
    expect(reset({ nprocLimit: 0 })).toThrow('config.nprocLimit must be an integer ≥ 1, got 0');
    expect(reset({ pidMax: '10' as never })).toThrow('config.pidMax must be an integer ≥ 3, got "10"');
    expect(reset({ maxproc: 1.5 })).toThrow('config.maxproc must be an integer ≥ 1, got 1.5');
    expect(reset({ pidFloor: 50, pidMax: 50 })).toThrow(new Error('config.pidFloor (50) must be below config.pidMax (50)'));
  });
});
