import type { ChildProcess } from 'node:child_process';

/**
 * Every program the runner started and has not yet seen exit. On the runner's own exit, SIGINT or
 * SIGTERM they are all killed (as process groups, so a wrapper's children go too) before the
 * runner goes, so no implementation outlives it.
 */
const live = new Set<ChildProcess>();
let hooked = false;

/** SIGKILL a program's whole process group (it was started as a group leader). */
export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is already gone; the child itself may still need a kill.
    child.kill('SIGKILL');
  }
}

function killAll(): void {
  for (const child of live) killGroup(child);
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  // Die of the same signal, as if no handler had been installed.
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  process.kill(process.pid, signal);
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAll);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Track a started program until it exits. */
export function track(child: ChildProcess): void {
  hook();
  live.add(child);
  child.once('exit', () => live.delete(child));
  // A program that could not be started never exits.
  child.on('error', () => child.pid === undefined && live.delete(child));
}

/** How many started programs have not exited yet (tests use it to prove none is left). */
export function liveChildren(): number {
  return live.size;
}
