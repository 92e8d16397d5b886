/**
 * The ways an out-of-process implementation can break the line protocol. Each is a failure of the
 * implementation (exit code 2), never of the runner.
 */
export type BrokeReason =
  /** The program could not be started (not found, not executable). */
  | 'spawn'
  /** A response line is not JSON. */
  | 'garbled'
  /** A response answers another request (wrong `seq`). */
  | 'seq'
  /** A response of a type this request cannot get. */
  | 'type'
  /** A response violates its JSON Schema (the field says where). */
  | 'schema'
  /** The program wrote a line nobody asked for. */
  | 'unsolicited'
  /** The program exited or was killed by a signal. */
  | 'crash'
  /** No response within the per-step timeout. */
  | 'hang'
  /** The program wrote to stderr (the protocol allows none). */
  | 'stderr'
  /** The program refused the handshake or the reset (an `error` response). */
  | 'refused'
  /** The program reported an internal failure (`error` of kind `internal`). */
  | 'internal'
  /** The program speaks another protocol version. */
  | 'version';

/** Where in a session the break happened. */
export interface BrokeContext {
  /** The request being answered: `hello`, `reset`, `step`, `snapshot` or `bye`. */
  request?: string;
  seq?: number;
  /** Index of the step in the interleaving, for `step` and `snapshot` requests. */
  step?: number;
  /** JSON pointer of the offending field (`/result/observations/0/errno`). */
  field?: string;
  /** The offending line, cut to a readable length. */
  line?: string;
}

const MAX_LINE_SHOWN = 200;

/** Cut a protocol line for an error message. */
export function excerpt(line: string): string {
  return line.length <= MAX_LINE_SHOWN ? line : `${line.slice(0, MAX_LINE_SHOWN)}… (${line.length} chars)`;
}

function describe(reason: BrokeReason, detail: string, c: BrokeContext): string {
  const where: string[] = [];
  if (c.request !== undefined) where.push(`answering ${c.request}${c.seq !== undefined ? ` (seq ${c.seq})` : ''}`);
  if (c.step !== undefined) where.push(`at step ${c.step}`);
  if (c.field !== undefined) where.push(`field ${c.field === '' ? '(whole message)' : c.field}`);
  const line = c.line !== undefined ? `\n  message: ${excerpt(c.line)}` : '';
  return `${reason}: ${detail}${where.length ? ` [${where.join(', ')}]` : ''}${line}`;
}

/**
 * An implementation broke the protocol: it crashed, hung, wrote garbage or answered out of order.
 * Names what went wrong, the message and the field.
 */
export class ImplementationBroke extends Error {
  constructor(
    readonly reason: BrokeReason,
    readonly detail: string,
    readonly context: BrokeContext = {},
  ) {
    super(describe(reason, detail, context));
    this.name = 'ImplementationBroke';
  }

  /** The same break, placed at a step of the interleaving. */
  at(context: BrokeContext): ImplementationBroke {
    return new ImplementationBroke(this.reason, this.detail, { ...this.context, ...context });
  }
}

export function isImplementationBroke(e: unknown): e is ImplementationBroke {
  return e instanceof ImplementationBroke;
}
