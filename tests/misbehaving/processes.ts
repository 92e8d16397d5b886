import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

/** A unique argument to put on a program's command line, to find it in the process table later. */
export function newMarker(): string {
  return `--marker=${randomUUID()}`;
}

/** Live processes (not zombies of other parents: their args are gone) whose command line holds `marker`. */
export function processesWith(marker: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(marker) && !l.includes('ps -eo'));
}

/** Wait until no process holds `marker` (reaping by init can lag a little), or time out. */
export async function settledWithout(marker: string, ms = 2000): Promise<string[]> {
  const until = Date.now() + ms;
  let left = processesWith(marker);
  while (left.length && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    left = processesWith(marker);
  }
  return left;
}
