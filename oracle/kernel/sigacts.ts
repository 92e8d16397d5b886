/** Disposition codes in `Sigacts.action`. */
export const SIG_DFL = 0;
export const SIG_IGN = 1;
export const SIG_CATCH = 2;

/** sigaction flag bits (semantics.md §1.2). */
export const SAF_RESTART = 0x2;
export const SAF_RESETHAND = 0x4;
export const SAF_NOCLDSTOP = 0x8;
export const SAF_NODEFER = 0x10;
export const SAF_NOCLDWAIT = 0x20;
export const SAF_SIGINFO = 0x40;

/** Dispositions are kept for the named signals (ids 1..32); unnamed numbers have no effect (simplification). */
const SLOTS = 33;

/**
 * Signal dispositions (`struct sigacts`): copied at fork, shared with RFSIGSHARE. Plain small arrays
 * indexed by signal id, so that fork's copy is cheap.
 */
export class Sigacts {
  /** SIG_DFL / SIG_IGN / SIG_CATCH per id. */
  readonly action: number[];
  /** sa_flags per id. */
  readonly saFlags: number[];
  /** ps_sigintr as a mask: caught without SA_RESTART, so an interrupted sleep gives EINTR. */
  sigintr = 0;
  /** ps_flag: PS_NOCLDWAIT, PS_NOCLDSTOP, PS_CLDSIGIGN. */
  psFlag = 0;
  /** Processes sharing this record (RFSIGSHARE). */
  refs = 1;

  constructor(from?: Sigacts) {
    this.action = from ? from.action.slice() : new Array<number>(SLOTS).fill(SIG_DFL);
    this.saFlags = from ? from.saFlags.slice() : new Array<number>(SLOTS).fill(0);
    if (from) {
      this.sigintr = from.sigintr;
      this.psFlag = from.psFlag;
    }
  }

  /** sigacts_copy (fork1 without RFSIGSHARE). */
  copy(): Sigacts {
    return new Sigacts(this);
  }
}
