import type { Config, Snapshot, Step, StepResult } from '../../interleaving';

/**
 * The line protocol: one JSON object per line on the program's stdin (requests) and stdout
 * (responses). The client speaks first; every request gets exactly one response with the same `seq`.
 * Documented with JSON Schemas in docs/protocol.md.
 */
export const PROTOCOL_VERSION = 1;

export type Request =
  | { type: 'hello'; seq: number; version: number; profile: string }
  | { type: 'reset'; seq: number; config: Config }
  | { type: 'step'; seq: number; index: number; step: Step }
  | { type: 'snapshot'; seq: number }
  | { type: 'bye'; seq: number };

export type ErrorKind =
  /** The step cannot be taken in this state (the oracle's StepRejected). */
  | 'rejected'
  /** The implementation does not support this call or config. */
  | 'unsupported'
  /** The implementation itself failed. */
  | 'internal'
  /** The request itself was malformed (a client bug); the server names the field. */
  | 'protocol';

export type Response =
  | { type: 'hello'; seq: number; version: number; name: string; snapshots: boolean }
  | { type: 'ok'; seq: number }
  | { type: 'result'; seq: number; result: StepResult }
  | { type: 'snapshot'; seq: number; snapshot: Snapshot }
  | { type: 'error'; seq: number; error: { kind: ErrorKind; message: string } };
