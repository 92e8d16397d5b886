import { abort2Message } from '../../oracle/exit/abort2-message';
import { boot, sigaction, wait4 } from './driver';

/** A child named "prog" (execve sets p_comm) whose parent catches SIGCHLD. */
function prog() {
  const d = boot();
  const p = d.fork(1); // 2
  d.step(sigaction(p, 'SIGCHLD', 'catch'));
  const c = d.fork(p); // 3
  d.step({ pid: c, call: 'execve', path: '/usr/bin/prog' });
  return { d, p, c };
}

describe('abort2 (kern_exit.c:548-614)', () => {
  test('kern_exit.c:591-602: a proper call logs reason and pointers, and dies by SIGABRT (6), without a core', () => {
    const { d, p, c } = prog();
    const r = d.step({ pid: c, call: 'abort2', why: 'bad state', nargs: 2, args: [1, 2] });
    expect(r.observations).toEqual([{ step: 4, pid: 3, call: 'abort2', kind: 'noreturn' }]);
    expect(r.log).toEqual(['prog(pid 3 uid 0) aborted: bad state(0x1, 0x2)']);
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGCHLD', code: 2, from: 3, status: 6 }]);
    expect(d.own(wait4(p, c))).toMatchObject({ ret: 3, status: 6 });
  });

  test.each([
    ['L573: nargs < 0', { why: 'r', nargs: -1, args: [] }],
    ['L573: nargs > 16', { why: 'r', nargs: 17, args: new Array(17).fill(1) }],
    ['L575 (E7): args NULL even with nargs 0', { why: 'r', nargs: 0, args: null }],
    ['L577-579: the pointer copyin faults', { why: 'r', nargs: 1, args: [5], badArgs: true }],
    ['L577-579: nargs beyond the array faults', { why: 'r', nargs: 3, args: [5, 6] }],
    ['L585-587: the reason copyin faults', { why: 'r', nargs: 1, args: [5], badWhy: true }],
  ])('%s: SIGKILL (9) and "(Reason text inaccessible)" after the trimmed prefix', (_t, args) => {
    const { d, p, c } = prog();
    const r = d.step({ pid: c, call: 'abort2', ...args } as never);
    expect(r.log).toEqual(['prog(pid 3 uid 0) aborted: (Reason text inaccessible)']);
    expect(d.own(wait4(p, c))).toMatchObject({ status: 9 });
  });

  test('kern_exit.c:577: args non-NULL with nargs 0 is proper (E7): reason, no list', () => {
    const { d, c } = prog();
    expect(d.step({ pid: c, call: 'abort2', why: 'reason', nargs: 0, args: [], badArgs: true }).log).toEqual([
      'prog(pid 3 uid 0) aborted: reason',
    ]);
  });

  test('kern_exit.c:588-590, 594: a NULL reason prints "(null)"; a NULL pointer prints 0; the uid is the effective uid', () => {
    const { d, c } = prog();
    d.step({ pid: c, call: 'setuid', uid: 1001 });
    expect(d.step({ pid: c, call: 'abort2', why: null, nargs: 3, args: [0, 255, -1] }).log).toEqual([
      'prog(pid 3 uid 1001) aborted: (null)(0, 0xff, 0xffffffffffffffff)',
    ]);
  });

  test('kern_exit.c:581-586: a reason over 128 bytes is cut and overflows the buffer: no list, no newline', () => {
    expect(abort2Message({ comm: 'a', pid: 5, uid: 0, why: 'x'.repeat(200), nargs: 1, args: [1], badWhy: false, badArgs: false })).toEqual({
      line: `a(pid 5 uid 0) aborted: ${'x'.repeat(128)}`,
      sig: 'SIGABRT',
    });
    expect(abort2Message({ comm: 'a', pid: 5, uid: 0, why: 'ab\0cd', nargs: 0, args: [], badWhy: false, badArgs: false }).line).toBe(
      'a(pid 5 uid 0) aborted: ab',
    );
  });

  test('p_comm: init\'s is "init", fork copies it, execve takes the basename (MAXCOMLEN 19), default a.out', () => {
    const d = boot();
    const c = d.fork(1);
    expect(d.step({ pid: c, call: 'abort2', why: 'w', nargs: 0, args: [] }).log).toEqual(['init(pid 2 uid 0) aborted: w']);
    const e = d.fork(1);
    d.step({ pid: e, call: 'execve' });
    expect(d.step({ pid: e, call: 'abort2', why: '', nargs: 0, args: [] }).log).toEqual(['a.out(pid 3 uid 0) aborted: ']);
    const f = d.fork(1);
    d.step({ pid: f, call: 'execve', path: '/x/abcdefghijklmnopqrstuvwxyz' });
    expect(d.step({ pid: f, call: 'abort2', why: 'w', nargs: 0, args: [] }).log).toEqual(['abcdefghijklmnopqrs(pid 4 uid 0) aborted: w']);
  });
});
