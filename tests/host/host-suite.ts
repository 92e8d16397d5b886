import { readdirSync, readFileSync } from 'node:fs';
import type { Implementation, Observation, Step } from '../../interleaving';
import { StepRejected, withDefaults } from '../../interleaving';
import { createHostImplementation, hostAvailability, type HostOptions } from '../../adapters/host/target';

const available = hostAvailability();
let warned = false;

/** `describe` when the host kernel can be driven here, else `describe.skip` after one line saying why. */
export function describeHost(name: string, body: () => void): void {
  if (!available.ok && !warned) {
    warned = true;
    console.warn(`host tests skipped: ${available.why}`);
  }
  (available.ok ? describe : describe.skip)(name, body);
}

/** One step's outcome: its observations, or the reason the harness refused it. */
export type Outcome = Observation[] | { rejected: string };

/** Run one interleaving from a fresh namespace and return every step's outcome. */
export async function runSteps(impl: Implementation, steps: Step[]): Promise<Outcome[]> {
  await impl.reset(withDefaults({ profile: 'linux' }));
  const out: Outcome[] = [];
  for (const step of steps) {
    try {
      out.push((await impl.apply(step)).observations);
    } catch (e) {
      if (!(e instanceof StepRejected)) throw e;
      out.push({ rejected: e.message });
    }
  }
  return out;
}

export async function withHost<T>(fn: (impl: Implementation) => Promise<T>, options: HostOptions = {}): Promise<T> {
  const impl = await createHostImplementation(options);
  try {
    return await fn(impl);
  } finally {
    await impl.close?.();
  }
}

export interface MarkedProcess {
  pid: number;
  ppid: number;
  state: string;
  /** Pids from the outermost namespace inward (NSpid). */
  nspid: number[];
}

interface ProcEntry extends MarkedProcess {
  comm: string;
  marked: boolean;
}

function readProcs(marker: string | null): ProcEntry[] {
  const found: ProcEntry[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const field = (k: string) => (status.match(new RegExp(`^${k}:\\s*(.*)$`, 'm')) ?? [])[1] ?? '';
      let marked = false;
      if (marker) {
        try {
          marked = readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker);
        } catch {
          // A zombie has no environment left: it is found through its parent instead.
        }
      }
      found.push({ pid: Number(entry), ppid: Number(field('PPid')), state: field('State').charAt(0), nspid: field('NSpid').split(/\s+/).map(Number), comm: field('Name'), marked });
    } catch {
      // Gone between readdir and read.
    }
  }
  return found;
}

/**
 * Every process of one harness: those whose environment carries `marker` (the harness and every
 * puppet inherit it), and their descendants (zombies, whose environment is gone).
 */
export function markedProcesses(marker: string): MarkedProcess[] {
  const all = readProcs(marker);
  const ours = new Set(all.filter((p) => p.marked).map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (!ours.has(p.pid) && ours.has(p.ppid)) grew = ours.add(p.pid) !== undefined;
  }
  return all.filter((p) => ours.has(p.pid)).map(({ pid, ppid, state, nspid }) => ({ pid, ppid, state, nspid }));
}

/** Puppets of any harness (by their /proc comm) adopted by the machine's real pid 1. */
export function puppetsUnderRealInit(): MarkedProcess[] {
  return readProcs(null).filter((p) => p.comm === 'rc-puppet' && p.ppid === 1 && p.nspid.length > 1 && p.nspid[1] !== 1);
}
