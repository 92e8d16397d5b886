import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { DEFINITIONS, REQUEST_SCHEMAS, RESPONSE_SCHEMAS, type Schema } from './schemas';

/** Where a message breaks its schema: a JSON pointer ('' for the whole message) and what is wrong. */
export interface Violation {
  field: string;
  detail: string;
}

const MAX_VALUES_SHOWN = 8;

function compileAll(ajv: Ajv, schemas: Record<string, Schema>): Map<string, ValidateFunction> {
  return new Map(Object.entries(schemas).map(([type, s]) => [type, ajv.compile({ definitions: DEFINITIONS, ...s })]));
}

function fieldOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${String(p.additionalProperty)}`;
  if (e.keyword === 'required') return `${e.instancePath}/${String(p.missingProperty)}`;
  if (e.keyword === 'discriminator') return `${e.instancePath}/${String(p.tag)}`;
  return e.instancePath;
}

function messageOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return 'is not a field of this message';
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) {
    const values = p.allowedValues as unknown[];
    const shown = values.slice(0, MAX_VALUES_SHOWN).map((v) => JSON.stringify(v)).join(', ');
    return `must be one of ${shown}${values.length > MAX_VALUES_SHOWN ? `, … (${values.length} names)` : ''}`;
  }
  if (e.keyword === 'const') return `must be ${JSON.stringify(p.allowedValue)}`;
  if (e.keyword === 'discriminator') return p.tagValue === undefined ? 'is required' : `unknown ${String(p.tag)} ${JSON.stringify(p.tagValue)}`;
  return e.message ?? e.keyword;
}

/** The most specific violation: the deepest field, with every alternative that failed there. */
function violationOf(errors: ErrorObject[]): Violation {
  const located = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf').map((e) => ({ field: fieldOf(e), e }));
  const pool = located.length ? located : errors.map((e) => ({ field: fieldOf(e), e }));
  const depth = (f: string) => f.split('/').length;
  const deepest = pool.reduce((a, b) => (depth(b.field) > depth(a.field) ? b : a)).field;
  const messages = [...new Set(pool.filter((x) => x.field === deepest).map((x) => messageOf(x.e)))];
  return { field: deepest, detail: messages.join(', or ') };
}

/** Compiled validators for every message type, built once. */
export class MessageValidator {
  private readonly requests: Map<string, ValidateFunction>;
  private readonly responses: Map<string, ValidateFunction>;

  constructor() {
    const ajv = new Ajv({ discriminator: true, strict: true, allErrors: false });
    this.requests = compileAll(ajv, REQUEST_SCHEMAS);
    this.responses = compileAll(ajv, RESPONSE_SCHEMAS);
  }

  /** null when `value` is a valid message of `type`; else where it breaks the schema. */
  check(direction: 'request' | 'response', type: string, value: unknown): Violation | null {
    const validate = (direction === 'request' ? this.requests : this.responses).get(type);
    if (!validate) return { field: '/type', detail: `unknown ${direction} type ${JSON.stringify(type)}` };
    return validate(value) ? null : violationOf(validate.errors ?? []);
  }

  /** The message types of one direction. */
  types(direction: 'request' | 'response'): string[] {
    return [...(direction === 'request' ? this.requests : this.responses).keys()];
  }
}

let shared: MessageValidator | undefined;

/** The process-wide validator (compiling the schemas takes a few milliseconds). */
export function messageValidator(): MessageValidator {
  return (shared ??= new MessageValidator());
}
