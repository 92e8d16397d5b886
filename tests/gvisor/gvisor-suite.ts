import { readdirSync, readFileSync } from 'node:fs';
import { gvisorAvailability } from '../../adapters/gvisor/target';

const available = gvisorAvailability();
let warned = false;

/** `describe` when a gVisor sandbox can run the harness here, else `describe.skip` after one line saying why. */
export function describeGvisor(name: string, body: () => void): void {
  if (!available.ok && !warned) {
    warned = true;
    console.warn(`gVisor tests skipped: ${available.why}`);
  }
  (available.ok ? describe : describe.skip)(name, body);
}

/** A host process: its pid, parent and command line. */
export interface HostProcess {
  pid: number;
  ppid: number;
  cmdline: string;
}

/** Every process on this machine whose command line contains `needle` (runsc, its gofer and sentry carry the state directory). */
export function processesMentioning(needle: string): HostProcess[] {
  const found: HostProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (!cmdline.includes(needle)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue; // already dead, waiting for its reaper
      found.push({ pid: Number(entry), ppid: Number(fields[1]), cmdline });
    } catch {
      // gone while we looked
    }
  }
  return found;
}

/** The sandbox processes (runsc do, gofer, sentry) that descend from `root`'s runsc, found by the sandbox's bundle path. */
export function sandboxOf(runscPid: number): string[] {
  return processesMentioning('runsc').filter((p) => p.ppid === runscPid).map((p) => p.cmdline.match(/--root=(\S+)/)?.[1] ?? '').filter(Boolean);
}

export async function until(predicate: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return predicate();
}
