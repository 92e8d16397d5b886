import { abort2Message, type Abort2Args } from '../../oracle/exit/abort2-message';
import { boot } from '../oracle/driver';

/** abort2's log line and signal at their edges (kern_exit.c:548-614), with literal expectations from the seed. */
describe('abort2 at the edges of its checks and of its 512-byte sbuf', () => {
  const args = (patch: Partial<Abort2Args>): Abort2Args => ({ comm: 'a', pid: 5, uid: 0, why: 'w', nargs: 0, args: [], badWhy: false, badArgs: false, ...patch });

  test('kern_exit.c:573-574: nargs 16 is proper, 17 and -1 are not (SIGKILL, "Reason text inaccessible")', () => {
    const sixteen = Array.from({ length: 16 }, (_, i) => i + 1);
    expect(abort2Message(args({ nargs: 16, args: sixteen }))).toEqual({
      line: `a(pid 5 uid 0) aborted: w(${sixteen.map((n) => `0x${n.toString(16)}`).join(', ')})`, sig: 'SIGABRT',
    });
    expect(abort2Message(args({ nargs: 17, args: [...sixteen, 17] }))).toEqual({ line: 'a(pid 5 uid 0) aborted: (Reason text inaccessible)', sig: 'SIGKILL' });
    expect(abort2Message(args({ nargs: -1 }))).toEqual({ line: 'a(pid 5 uid 0) aborted: (Reason text inaccessible)', sig: 'SIGKILL' });
  });

  test('kern_exit.c:577-579: copyin of exactly nargs pointers succeeds; one more than given faults', () => {
    expect(abort2Message(args({ nargs: 2, args: [1, 2] })).sig).toBe('SIGABRT');
    expect(abort2Message(args({ nargs: 3, args: [1, 2] })).sig).toBe('SIGKILL');
  });

  test('kern_exit.c:592-594: only the first nargs pointers are printed', () => {
    expect(abort2Message(args({ nargs: 1, args: [1, 2] })).line).toBe('a(pid 5 uid 0) aborted: w(0x1)');
  });

  test('kern_exit.c:608: the newline is appended to the reason as copied in, so a reason ending in a newline keeps it in the line', () => {
    expect(abort2Message(args({ why: 'bad\n' })).line).toBe('a(pid 5 uid 0) aborted: bad\n');
  });

  test('kern_exit.c:584: a reason of exactly 128 bytes is kept whole, and the list still follows', () => {
    expect(abort2Message(args({ why: 'r'.repeat(128), nargs: 1, args: [10] })).line).toBe(`a(pid 5 uid 0) aborted: ${'r'.repeat(128)}(0xa)`);
  });

  test('kern_exit.c:563 (SBUF_FIXEDLEN, 512): an append past 511 bytes is cut there and later appends, the newline too, are lost', () => {
    const comm = 'c'.repeat(480); // longer than any p_comm, to reach the buffer's end through the pointer list
    const r = abort2Message(args({ comm, why: 'w'.repeat(40), nargs: 1, args: [1] }));
    expect(r).toEqual({ line: `${comm}(pid 5 uid 0) aborted: ${'w'.repeat(8)}`, sig: 'SIGABRT' });
    expect(r.line).toHaveLength(511);
    // One byte too many for the 511: the last one is cut, and the newline is lost.
    expect(abort2Message(args({ comm, why: 'w'.repeat(9) })).line).toBe(`${comm}(pid 5 uid 0) aborted: ${'w'.repeat(8)}`);
  });

  test('kern_exit.c:604-606: an improper call trims the trailing blank (sbuf_trim), and only that: blanks in p_comm stay', () => {
    expect(abort2Message(args({ comm: 'a b  ', args: null })).line).toBe('a b  (pid 5 uid 0) aborted: (Reason text inaccessible)');
  });

  test('through the kernel: the line is logged once, with the caller\'s uid', () => {
    const d = boot();
    const c = d.fork(1);
    d.step({ pid: c, call: 'setuid', uid: 7 });
    expect(d.step({ pid: c, call: 'abort2', why: 'x', nargs: 0, args: null }).log).toEqual(['init(pid 2 uid 7) aborted: (Reason text inaccessible)']);
  });
});
