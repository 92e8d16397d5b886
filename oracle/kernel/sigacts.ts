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

/**
 * Signal dispositions (`struct sigacts`): copied at fork, shared with RFSIGSHARE. Indexed by signal
 * id up to the profile's maxsig, so sigaction on an unnamed number is kept too.
 */
export class Sigacts {
  /** SIG_DFL / SIG_IGN / SIG_CATCH per id. */
  readonly action: Uint8Array;
  /** sa_flags per id. */
  readonly saFlags: Uint8Array;
  /** ps_sigintr as a mask: caught without SA_RESTART, so an interrupted sleep gives EINTR. */
  sigintr = 0;
  /** ps_flag: PS_NOCLDWAIT, PS_NOCLDSTOP, PS_CLDSIGIGN. */
  psFlag = 0;
  /** Processes sharing this record (RFSIGSHARE). */
  refs = 1;

  constructor(size: number) {
    this.action = new Uint8Array(size);
    this.saFlags = new Uint8Array(size);
  }

  /** sigacts_copy (fork1 without RFSIGSHARE). */
  copy(): Sigacts {
    const s = new Sigacts(this.action.length);
    s.action.set(this.action);
    s.saFlags.set(this.saFlags);
    s.sigintr = this.sigintr;
    s.psFlag = this.psFlag;
    return s;
  }
}
