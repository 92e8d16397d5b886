import type { Step, UserPtr, WaitOption } from '../../../interleaving';
import type { MakeContext, Maker } from './maker';

/** A wpid: mostly WAIT_ANY or a real child, sometimes a pgrp, sometimes a pid that is not a child. */
function pickWpid({ world, caller, rng, invalidShare }: MakeContext): number {
  const kids = world.children(caller);
  if (rng.chance(invalidShare) || kids.length === 0) {
    const strangers = world.state.procs.filter((p) => p.ppid !== caller.pid && p.pid !== caller.pid);
    return strangers.length > 0 && rng.chance(0.7) ? rng.pick(strangers).pid : world.unusedPid();
  }
  const kid = rng.pick(kids);
  // wpid 0 differs from WAIT_ANY only when some child left the caller's group (kern_exit.c:664-668).
  const elsewhere = kids.some((k) => k.pgid !== caller.pgid);
  return rng.weighted([
    [-1, 50],
    [kid.pid, 30],
    [0, elsewhere ? 24 : 8],
    [-kid.pgid, 8],
  ])!;
}

/** Options, with WUNTRACED and WCONTINUED likelier when a child has such an event to report. */
function pickOptions({ rng, world, caller, invalidShare }: MakeContext, wpid: number): { options: WaitOption[]; extraBits?: number } {
  const fewAwake = world.awake.length <= 2;
  const kids = world.children(caller);
  const stopped = kids.some((k) => k.flags.includes('STOPPED_SIG') && !k.flags.includes('WAITED'));
  const continued = kids.some((k) => k.flags.includes('CONTINUED'));
  const options = rng.subset<WaitOption>([
    ['WNOHANG', fewAwake ? 1 : 0.5],
    ['WUNTRACED', stopped ? 0.8 : 0.3],
    ['WCONTINUED', continued ? 0.85 : 0.25],
    ['WLINUXCLONE', 0.05],
  ]);
  // Bad bits beside a selector that matches no child tell EINVAL-first from ECHILD (kern_exit.c:669-670, 833-836).
  const matchesNone = wpid > 0 && !kids.some((k) => k.pid === wpid);
  if (rng.chance(matchesNone ? 0.3 : invalidShare / 2)) {
    if (rng.chance(0.5)) return { options, extraBits: rng.pick([0x100, 0x40000]) };
    options.push(rng.pick<WaitOption>(['WNOWAIT', 'WEXITED']));
  }
  return { options };
}

function pointer(rng: MakeContext['rng'], nullShare: number, faultShare: number): UserPtr {
  return rng.weighted<UserPtr>([
    ['valid', 1 - nullShare - faultShare],
    ['null', nullShare],
    ['fault', faultShare],
  ])!;
}

export const wait4Maker: Maker = {
  name: 'wait4',
  weight: ({ world, caller }) => {
    const kids = world.children(caller);
    const ready = kids.some((k) => k.state === 'ZOMBIE');
    const news = kids.some((k) => k.flags.includes('CONTINUED') || (k.flags.includes('STOPPED_SIG') && !k.flags.includes('WAITED')));
    return kids.length === 0 ? 1 : (caller.pid === 1 ? 10 : 6) + (ready ? 10 : 0) + (news ? 8 : 0);
  },
  make: (ctx): Step => {
    const pid = ctx.caller.pid;
    const wpid = pickWpid(ctx);
    const { options, extraBits } = pickOptions(ctx, wpid);
    const status = pointer(ctx.rng, 0.06, ctx.invalidShare / 3);
    const rusage = pointer(ctx.rng, 0.55, ctx.invalidShare / 4);
    // Literals in the fields' order, not a spread: on Node 20 a spread with added fields costs microseconds.
    return extraBits === undefined
      ? { pid, call: 'wait4', wpid, options, status, rusage }
      : { pid, call: 'wait4', wpid, options, extraBits, status, rusage };
  },
};

export const owaitMaker: Maker = {
  name: 'owait',
  weight: ({ world, caller }) => (world.children(caller).some((k) => k.state === 'ZOMBIE') ? 1.5 : 0.2),
  make: ({ caller }) => ({ pid: caller.pid, call: 'owait' }),
};
