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

/** Every process whose environment carries `marker` (the harness and all its puppets inherit it). */
export function markedProcesses(marker: string): MarkedProcess[] {
  const found: MarkedProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker)) continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const field = (k: string) => (status.match(new RegExp(`^${k}:\\s*(.*)$`, 'm')) ?? [])[1] ?? '';
      found.push({ pid: Number(entry), ppid: Number(field('PPid')), state: field('State').charAt(0), nspid: field('NSpid').split(/\s+/).map(Number) });
    } catch {
      // Gone between readdir and read, or a kernel thread with no environment.
    }
  }
  return found;
}
