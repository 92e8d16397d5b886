import { spawn, type ChildProcess } from 'node:child_process';
import { ImplementationBroke, type BrokeContext } from './broke';
import { killGroup, track } from './reaper';

/** How a program ended. */
type Ended = { kind: 'exit'; code: number | null; signal: NodeJS.Signals | null } | { kind: 'spawn'; error: Error };

/** Longest response line accepted (a snapshot of a large table is well below it). */
const MAX_LINE = 16 * 1024 * 1024;
const MAX_STDERR = 4096;
/** After stderr output, how long to wait for the program to exit, so the report can say both. */
const STDERR_GRACE_MS = 50;
/** After exit, how long to wait for the last output to be read. */
const CLOSE_GRACE_MS = 100;

interface Waiter {
  resolve(line: string): void;
  reject(e: Error): void;
  ctx: BrokeContext;
  timer: NodeJS.Timeout;
}

function describeEnd(end: Ended): string {
  if (end.kind === 'spawn') return `could not be started (${end.error.message})`;
  return end.signal ? `was killed by ${end.signal}` : `exited with code ${end.code}`;
}

/**
 * A program spoken to in lines: requests written to its stdin, response lines read from its stdout.
 * Started as its own process group so that killing it takes any children it made; always reaped.
 */
export class LineChild {
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private partial = '';
  private stderr = '';
  private ended: Ended | null = null;
  private readonly exited: Promise<void>;
  private waiter: Waiter | null = null;
  private stderrTimer: NodeJS.Timeout | null = null;
  private overflow = false;

  constructor(
    readonly argv: readonly string[],
    options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
  ) {
    this.child = spawn(argv[0], argv.slice(1), { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    track(this.child);
    // EPIPE and read errors when the program died: reported as its exit.
    for (const stream of [this.child.stdin!, this.child.stdout!, this.child.stderr!]) stream.on('error', () => undefined);
    this.child.stdout!.setEncoding('utf8');
    this.child.stderr!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => this.onStdout(chunk));
    this.child.stderr!.on('data', (chunk: string) => this.onStderr(chunk));
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        if (this.child.pid === undefined) this.finish({ kind: 'spawn', error }, resolve);
      });
      this.child.once('exit', (code, signal) => {
        const closed = new Promise<void>((r) => this.child.once('close', () => r()));
        const grace = new Promise<void>((r) => setTimeout(r, CLOSE_GRACE_MS).unref());
        void Promise.race([closed, grace]).then(() => this.finish({ kind: 'exit', code, signal }, resolve));
      });
    });
  }

  /** The program's pid (undefined if it never started). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the program has ended (exited, was killed, or never started). */
  get dead(): boolean {
    return this.ended !== null;
  }

  /** Lines the program wrote that nobody has read (output nobody asked for). */
  unread(): string | undefined {
    return this.lines[0];
  }

  send(line: string): void {
    if (!this.ended) this.child.stdin!.write(line);
  }

  /** The next response line, or an `ImplementationBroke` (crash, hang, stderr noise, spawn failure). */
  next(timeoutMs: number, ctx: BrokeContext): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    const broke = this.brokenNow(ctx);
    if (broke) return this.killThen(broke);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.onTimeout(timeoutMs), timeoutMs);
      this.waiter = { resolve, reject, ctx, timer };
    });
  }

  /** SIGKILL the program's group and wait until it is reaped. */
  async kill(): Promise<void> {
    this.child.stdin!.end();
    killGroup(this.child);
    await this.exited;
  }

  private onStdout(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop()!;
    if (this.partial.length > MAX_LINE && !this.overflow) {
      this.overflow = true;
      this.settle(new ImplementationBroke('garbled', `a line longer than ${MAX_LINE} characters`, { ...this.waiter?.ctx, line: this.partial }));
      return;
    }
    this.lines.push(...parts);
    if (this.waiter && this.lines.length) this.settle(this.lines.shift()!);
  }

  private onStderr(chunk: string): void {
    if (this.stderr.length < MAX_STDERR) this.stderr += chunk.slice(0, MAX_STDERR - this.stderr.length);
    if (this.waiter && !this.stderrTimer) {
      this.stderrTimer = setTimeout(() => {
        this.stderrTimer = null;
        if (this.waiter) this.settle(this.brokenNow(this.waiter.ctx)!);
      }, STDERR_GRACE_MS);
    }
  }

  private finish(end: Ended, resolve: () => void): void {
    if (this.ended) return;
    this.ended = end;
    resolve();
    if (this.waiter && !this.lines.length) this.settle(this.brokenNow(this.waiter.ctx)!);
  }

  private onTimeout(timeoutMs: number): void {
    const w = this.waiter;
    if (!w) return;
    this.waiter = null;
    void this.killThen(new ImplementationBroke('hang', `no response within ${timeoutMs} ms`, w.ctx)).catch(w.reject);
  }

  /** Why the program cannot answer, if it cannot (it ended, or wrote to stderr). */
  private brokenNow(ctx: BrokeContext): ImplementationBroke | null {
    const noise = this.stderr ? ` after writing to stderr: ${JSON.stringify(this.stderr.trimEnd())}` : '';
    if (this.ended?.kind === 'spawn') return new ImplementationBroke('spawn', `${this.argv.join(' ')} ${describeEnd(this.ended)}`, ctx);
    if (this.ended) return new ImplementationBroke('crash', `the program ${describeEnd(this.ended)}${noise}`, ctx);
    if (this.stderr) return new ImplementationBroke('stderr', `the program wrote to stderr: ${JSON.stringify(this.stderr.trimEnd())}`, ctx);
    return null;
  }

  private settle(outcome: string | ImplementationBroke): void {
    const w = this.waiter;
    if (!w) return;
    this.waiter = null;
    clearTimeout(w.timer);
    if (typeof outcome === 'string') w.resolve(outcome);
    else void this.killThen(outcome).catch(w.reject);
  }

  /** Kill and reap the program, then fail with `broke`. */
  private async killThen(broke: ImplementationBroke): Promise<never> {
    await this.kill();
    throw broke;
  }
}
