/** sbuf's fixed 512-byte buffer (kern_exit.c:563). */
const SBUF_SIZE = 512;
/** The reason string is copied in up to 128 bytes (kern_exit.c:581-585). */
const WHY_MAX = 128;

/** What abort2 was given, as the model's step states it. */
export interface Abort2Args {
  comm: string;
  pid: number;
  uid: number;
  why: string | null;
  nargs: number;
  args: readonly number[] | null;
  badWhy: boolean;
  badArgs: boolean;
}

/** Kernel `%p`: lower-case hex with 0x, and a NULL pointer as plain 0. */
function kernelPointer(v: number): string {
  const n = BigInt.asUintN(64, BigInt(v));
  return n === 0n ? '0' : `0x${n.toString(16)}`;
}

/**
 * The log line abort2 writes and the signal it dies by (kern_exit.c:563-612), without the trailing
 * newline. A reason longer than 128 bytes overflows the sbuf: later appends, the newline included,
 * are silently dropped. Simplification: characters count as bytes.
 */
export function abort2Message(a: Abort2Args): { line: string; sig: 'SIGKILL' | 'SIGABRT' } {
  let buf = `${a.comm}(pid ${a.pid} uid ${a.uid}) aborted: `;
  let overflowed = false;
  const append = (s: string) => {
    if (overflowed) return;
    if (buf.length + s.length > SBUF_SIZE - 1) {
      buf += s.slice(0, SBUF_SIZE - 1 - buf.length);
      overflowed = true;
    } else buf += s;
  };
  const proper = (): boolean => {
    if (a.nargs < 0 || a.nargs > 16) return false;
    if (a.args === null) return false; // even for nargs == 0 (E7)
    if (a.nargs > 0 && (a.badArgs || a.nargs > a.args.length)) return false;
    if (a.why !== null) {
      if (a.badWhy) return false;
      const why = a.why.split('\0')[0];
      if (why.length > WHY_MAX) {
        append(why.slice(0, WHY_MAX));
        overflowed = true;
      } else append(why);
    } else append('(null)');
    if (a.nargs) append(`(${a.args.slice(0, a.nargs).map(kernelPointer).join(', ')})`);
    return true;
  };
  const ok = proper();
  if (!ok) {
    buf = buf.replace(/\s+$/, ''); // sbuf_trim
    append(' (Reason text inaccessible)');
  }
  append('\n');
  return { line: buf.endsWith('\n') ? buf.slice(0, -1) : buf, sig: ok ? 'SIGABRT' : 'SIGKILL' };
}
