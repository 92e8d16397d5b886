import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../fixtures/schema.json';
import { CALL_NAMES } from '../interleaving';
import { FixtureError } from './fixture-error';
import { locate } from './fixture-path';

/** How many allowed values a "must be one of" message lists before it elides the rest. */
const MAX_LISTED_VALUES = 12;

let compiled: ValidateFunction | null = null;

/** The fixture validator, compiled once (fixtures/schema.json, JSON Schema draft-07). */
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: false, strict: true }).compile(schema);
  return compiled;
}

function describeValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A plain-words problem for one ajv error, plus the child field it is about (required/additional). */
function problemOf(e: ErrorObject, call: string | undefined): { problem: string; child?: string } {
  const p = e.params as Record<string, unknown>;
  if (e.propertyName !== undefined) return { problem: `is not a valid key (${e.message ?? e.keyword})`, child: e.propertyName };
  switch (e.keyword) {
    case 'enum': {
      const values = (p.allowedValues as unknown[]).map(describeValue);
      const listed = values.slice(0, MAX_LISTED_VALUES).join(', ');
      return { problem: `must be one of ${listed}${values.length > MAX_LISTED_VALUES ? ', …' : ''}` };
    }
    case 'const':
      return { problem: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'required':
      return { problem: 'is required', child: String(p.missingProperty) };
    case 'additionalProperties':
      return { problem: call ? `is not a field of a ${call} step` : 'is not a known field', child: String(p.additionalProperty) };
    case 'type':
      return { problem: `must be ${String(p.type).replace(/,/g, ' or ')}` };
    default:
      return { problem: e.message ?? `fails the ${e.keyword} rule` };
  }
}

/** The call name of step `i`, if the document has one there (for messages only). */
function callAt(doc: unknown, i: number | undefined): string | undefined {
  if (i === undefined || typeof doc !== 'object' || doc === null) return undefined;
  const steps = (doc as { steps?: unknown }).steps;
  if (!Array.isArray(steps) || i >= steps.length) return undefined;
  const s: unknown = steps[i];
  const call = typeof s === 'object' && s !== null ? (s as { call?: unknown }).call : undefined;
  return (CALL_NAMES as readonly unknown[]).includes(call) ? (call as string) : undefined;
}

/**
 * Checks a parsed document against fixtures/schema.json; throws a FixtureError naming the file, the
 * step and the field of the first problem.
 */
export function validateFixtureSchema(doc: unknown, file: string): void {
  const validate = validator();
  if (validate(doc)) return;
  // "if" errors only say that a "then" branch failed; the branch's own error says what is wrong.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
  const e = errors[0];
  if (!e) throw new FixtureError(file, 'does not match fixtures/schema.json');
  const first = locate(e.instancePath);
  const call = callAt(doc, first.step);
  const stepCall = first.area === 'steps' && first.field === '' ? call : undefined;
  const { problem, child } = problemOf(e, first.area === 'steps' ? stepCall : undefined);
  const where = locate(e.instancePath, child);
  if (where.area === 'top') {
    const whole = e.keyword === 'type' ? 'the fixture must be a JSON object' : `the fixture ${problem}`;
    throw new FixtureError(file, where.field === '' ? whole : problem, undefined, where.field);
  }
  throw new FixtureError(file, problem, where.step, where.field, call, where.area === 'expect');
}
