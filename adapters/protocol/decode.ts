import { ImplementationBroke, type BrokeContext } from './broke';
import type { Request, Response } from './messages';
import { messageValidator } from './validator';

/** What the client is waiting for: the request it sent and the response types that may answer it. */
export interface Awaiting {
  request: Request['type'];
  seq: number;
  /** Index of the step in the interleaving, for step and snapshot requests. */
  step?: number;
  accepts: readonly Response['type'][];
}

/** A request the server cannot take: where it breaks the schema. */
export class RequestInvalid extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
    /** The request's seq when it could be read, else -1. */
    readonly seq: number,
  ) {
    super(`invalid request: field ${field === '' ? '(whole message)' : field}: ${detail}`);
    this.name = 'RequestInvalid';
  }
}

type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; field: string; detail: string; garbled: boolean };

function parseObject(line: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, field: '', detail: `not JSON (${(e as Error).message})`, garbled: true };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, field: '', detail: `must be a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`, garbled: false };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Decode one response line strictly: JSON, then the envelope (type, seq), then whether this type
 * may answer the request, then the full schema. Anything else is an `ImplementationBroke` naming
 * the request, the step and the field. Never throws anything else.
 */
export function decodeResponse(line: string, awaiting: Awaiting): Response {
  const ctx: BrokeContext = { request: awaiting.request, seq: awaiting.seq, step: awaiting.step, line };
  const parsed = parseObject(line);
  if (!parsed.ok) throw new ImplementationBroke(parsed.garbled ? 'garbled' : 'schema', parsed.detail, { ...ctx, field: parsed.field });
  const msg = parsed.value;
  const validator = messageValidator();
  const types = validator.types('response');
  if (typeof msg.type !== 'string' || !types.includes(msg.type)) {
    const detail = `${msg.type === undefined ? 'is required' : `unknown response type ${JSON.stringify(msg.type)}`}; one of ${types.join(', ')}`;
    throw new ImplementationBroke('schema', detail, { ...ctx, field: '/type' });
  }
  if (typeof msg.seq !== 'number' || !Number.isInteger(msg.seq)) {
    throw new ImplementationBroke('schema', `must be an integer, got ${JSON.stringify(msg.seq) ?? 'nothing'}`, { ...ctx, field: '/seq' });
  }
  const unattributed = msg.type === 'error' && msg.seq === -1;
  if (msg.seq !== awaiting.seq && !unattributed) {
    throw new ImplementationBroke('seq', `expected seq ${awaiting.seq}, got ${msg.seq}`, { ...ctx, field: '/seq' });
  }
  if (!(awaiting.accepts as readonly string[]).includes(msg.type)) {
    throw new ImplementationBroke('type', `a ${awaiting.request} request is answered by ${awaiting.accepts.join(' or ')}, not ${msg.type}`, { ...ctx, field: '/type' });
  }
  const violation = validator.check('response', msg.type, msg);
  if (violation) throw new ImplementationBroke('schema', violation.detail, { ...ctx, field: violation.field });
  return msg as unknown as Response;
}

/** Decode one request line (the server side); a bad request is a `RequestInvalid`. */
export function decodeRequest(line: string): Request {
  const parsed = parseObject(line);
  if (!parsed.ok) throw new RequestInvalid(parsed.field, parsed.detail, -1);
  const msg = parsed.value;
  const seq = typeof msg.seq === 'number' && Number.isInteger(msg.seq) && msg.seq >= 0 ? msg.seq : -1;
  const validator = messageValidator();
  if (typeof msg.type !== 'string') throw new RequestInvalid('/type', `is required; one of ${validator.types('request').join(', ')}`, seq);
  const violation = validator.check('request', msg.type, msg);
  if (violation) throw new RequestInvalid(violation.field, violation.detail, seq);
  return msg as unknown as Request;
}

/** One message as a protocol line (compact JSON, newline-terminated). */
export function encodeLine(message: Request | Response): string {
  return `${JSON.stringify(message)}\n`;
}
