import type { Config, Implementation, ProfileName, Snapshot, Step, StepResult } from '../../interleaving';
import { ConfigUnsupported, StepRejected } from '../../interleaving';
import { ImplementationBroke, isImplementationBroke, type BrokeContext } from './broke';
import { splitCommandLine } from './command-line';
import { decodeResponse, encodeLine } from './decode';
import { LineChild } from './line-child';
import { PROTOCOL_VERSION, type Request, type Response } from './messages';

export interface ProtocolClientOptions {
  /** The profile announced in the handshake; the program refuses profiles it does not model. */
  profile: ProfileName;
  /** Per-request timeout once the handshake is done (default 2000 ms). */
  timeoutMs?: number;
  /** Timeout of the handshake, which includes the program's start-up (default: 10000 ms, or the step timeout if longer). */
  startTimeoutMs?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_STEP_TIMEOUT_MS = 2000;
export const DEFAULT_START_TIMEOUT_MS = 10000;
const BYE_TIMEOUT_MS = 500;

type ResponseOf<T extends Response['type']> = Extract<Response, { type: T }>;

/**
 * One conversation with a line-protocol program. The program is kept alive across interleavings
 * (reset between them); a program that broke is killed and started afresh at the next reset, so
 * the shrinker can go on replaying.
 */
class ProtocolSession {
  private child: LineChild | null = null;
  private seq = 0;
  private index = 0;
  name = '';
  snapshots = false;

  constructor(
    private readonly argv: readonly string[],
    private readonly options: ProtocolClientOptions,
  ) {}

  async start(): Promise<void> {
    // A new program hears seq 0 first, like any program does.
    this.seq = 0;
    this.child = new LineChild(this.argv, { cwd: this.options.cwd, env: this.options.env });
    const hello = await this.request({ type: 'hello', seq: this.seq, version: PROTOCOL_VERSION, profile: this.options.profile }, ['hello'], {}, this.options.startTimeoutMs ?? Math.max(DEFAULT_START_TIMEOUT_MS, this.options.timeoutMs ?? 0));
    if (hello.version !== PROTOCOL_VERSION) {
      await this.discard();
      throw new ImplementationBroke('version', `the program speaks protocol version ${hello.version}, this runner ${PROTOCOL_VERSION}`, { request: 'hello', field: '/version' });
    }
    this.name = hello.name;
    this.snapshots = hello.snapshots;
  }

  async reset(config: Config): Promise<void> {
    if (!this.child || this.child.dead) await this.start();
    this.index = 0;
    const r = await this.exchange({ type: 'reset', seq: this.seq, config }, ['ok'], {});
    if (r.type !== 'error') return;
    // A configuration the program does not model is not a break: this interleaving is skipped.
    if (r.error.kind === 'unsupported') throw new ConfigUnsupported(r.error.message);
    throw await this.broke(errorBroke(r, { request: 'reset', seq: r.seq }));
  }

  async apply(step: Step): Promise<StepResult> {
    const index = this.index++;
    const r = await this.exchange({ type: 'step', seq: this.seq, index, step }, ['result'], { step: index });
    if (r.type === 'result') return r.result;
    if (r.type !== 'error') throw new Error(`unreachable: ${r.type} accepted for a step`);
    // Servers often prefix the call name themselves (ours does: StepRejected's message).
    const reason = r.error.message.startsWith(`${step.call}: `) ? r.error.message.slice(step.call.length + 2) : r.error.message;
    if (r.error.kind === 'rejected') throw new StepRejected(step.call, reason);
    if (r.error.kind === 'unsupported') throw new StepRejected(step.call, `unsupported: ${reason}`);
    throw await this.broke(errorBroke(r, { request: 'step', seq: r.seq, step: index }));
  }

  async snapshot(): Promise<Snapshot> {
    const r = await this.request({ type: 'snapshot', seq: this.seq }, ['snapshot'], { step: this.index - 1 });
    return r.snapshot;
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child || child.dead) return;
    try {
      await this.request({ type: 'bye', seq: this.seq }, ['ok'], {}, BYE_TIMEOUT_MS);
    } catch {
      // A program that cannot say goodbye is killed all the same.
    }
    await this.discard();
  }

  /** Send a request that must succeed: an `error` answer is a break. */
  private async request<T extends Response['type']>(req: Request, accepts: T[], where: BrokeContext, timeoutMs?: number): Promise<ResponseOf<T>> {
    const r = await this.exchange(req, accepts, where, timeoutMs);
    if (r.type === 'error') throw await this.broke(errorBroke(r, { request: req.type, seq: req.seq, ...where }));
    return r as ResponseOf<T>;
  }

  /** Send one request and decode its one response (errors are data: any request may get one); any break kills the program. */
  private async exchange(req: Request, accepts: Response['type'][], where: BrokeContext, timeoutMs = this.options.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS): Promise<Response> {
    const child = this.child;
    const ctx: BrokeContext = { request: req.type, seq: req.seq, ...where };
    if (!child) throw new ImplementationBroke('crash', 'the program is not running (it broke earlier)', ctx);
    this.seq++;
    try {
      const stray = child.unread();
      if (stray !== undefined) throw new ImplementationBroke('unsolicited', 'the program wrote a line before it was asked anything', { ...ctx, line: stray });
      child.send(encodeLine(req));
      const line = await child.next(timeoutMs, ctx);
      return decodeResponse(line, { request: req.type, seq: req.seq, step: where.step, accepts: [...accepts, 'error'] });
    } catch (e) {
      throw isImplementationBroke(e) ? await this.broke(e) : e;
    }
  }

  private async broke(e: ImplementationBroke): Promise<ImplementationBroke> {
    await this.discard();
    return e;
  }

  private async discard(): Promise<void> {
    const child = this.child;
    this.child = null;
    await child?.kill();
  }
}

/** An `error` response that is not about the step: the program refused or failed. */
function errorBroke(r: ResponseOf<'error'>, ctx: BrokeContext): ImplementationBroke {
  const { kind, message } = r.error;
  if (kind === 'internal') return new ImplementationBroke('internal', `the program failed: ${message}`, ctx);
  if (kind === 'protocol') return new ImplementationBroke('refused', `the program found the request malformed: ${message}`, ctx);
  return new ImplementationBroke('refused', `the program refused (${kind}): ${message}`, ctx);
}

/** An Implementation whose `close` also reaps the program. */
export type ProtocolImplementation = Implementation & { close(): Promise<void> };

/**
 * Start a line-protocol program (`PROGRAM ARGS` as one string, split like a shell would, or argv)
 * and shake hands. The Implementation has `snapshot` only if the program offers snapshots.
 */
export async function connectProtocol(command: string | readonly string[], options: ProtocolClientOptions): Promise<ProtocolImplementation> {
  const argv = typeof command === 'string' ? splitCommandLine(command) : command;
  const session = new ProtocolSession(argv, options);
  await session.start();
  const impl: ProtocolImplementation = {
    name: session.name,
    reset: (config) => session.reset(config),
    apply: (step) => session.apply(step),
    close: () => session.close(),
  };
  if (session.snapshots) impl.snapshot = () => session.snapshot();
  return impl;
}
