/**
 * The next pid (semantics.md §3.2, §9.5): the first id after `lastpid`, cyclically in
 * [1, pidMax) before the first wrap and [pidFloor, pidMax) after it, that is neither a process's pid
 * nor the id of an existing process group or session. `pidMax` itself is never handed out. The
 * kernel's `pidchecked` cache only saves scans, so it is not modelled. Returns -1 when every id is
 * taken (the kernel would loop for ever).
 */
export function nextPid(lastpid: number, pidMax: number, pidFloor: number, inUse: (id: number) => boolean): number {
  let trypid = lastpid + 1;
  let wrapped = false;
  for (;;) {
    if (trypid >= pidMax) {
      if (wrapped) return -1;
      wrapped = true;
      trypid = trypid % pidMax;
      if (trypid < pidFloor) trypid += pidFloor;
    }
    if (!inUse(trypid)) return trypid;
    trypid++;
  }
}
