/**
 * Canonical, readable JSON for fixtures: keys in a fixed order (the fixture's own field order for
 * known keys, then alphabetical), short records on one line, a trailing newline. The same value
 * always gives the same bytes, whatever order its keys were inserted in.
 */

/** Width below which an object or array is written on one line. */
const INLINE_WIDTH = 120;

const KEY_ORDER = [
  // Fixture
  'format', 'version', 'name', 'kind', 'description', 'source', 'profiles', 'config', 'steps', 'expect', 'found',
  // Observation and step heads
  'step', 'pid', 'call', 'state', 'ppid', 'children', 'oppid',
  // Step arguments, in the order of interleaving/step.ts
  'code', 'why', 'nargs', 'args', 'badWhy', 'badArgs', 'wpid', 'options', 'extraBits', 'req', 'target', 'sig',
  'handler', 'how', 'sigs', 'data', 'pgid', 'path', 'uid', 'ticks', 'who', 'flags',
  // Expectations
  'ret', 'ret1', 'errno', 'status', 'raw', 'decoded', 'rusage', 'sleeps', 'wakes', 'log', 'panic', 'snapshot',
  'procs', 'absent', 'pgrps', 'sessions', 'nprocs', 'uidCounts',
  // Source
  'seedLines', 'semantics', 'erratum', 'fixedBy',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function orderedKeys(o: object): string[] {
  return Object.keys(o)
    .filter((k) => (o as Record<string, unknown>)[k] !== undefined)
    .sort((a, b) => (RANK.get(a) ?? Infinity) - (RANK.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
}

function inline(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = orderedKeys(v);
    return keys.length === 0 ? '{}' : `{ ${keys.map((k) => `${JSON.stringify(k)}: ${inline((v as Record<string, unknown>)[k])}`).join(', ')} }`;
  }
  return JSON.stringify(v ?? null);
}

function block(v: unknown, indent: string): string {
  const one = inline(v);
  if (v === null || typeof v !== 'object' || indent.length + one.length <= INLINE_WIDTH) return one;
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + block(x, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = orderedKeys(v);
  const rows = keys.map((k) => `${inner}${JSON.stringify(k)}: ${block((v as Record<string, unknown>)[k], inner)}`);
  return `{\n${rows.join(',\n')}\n${indent}}`;
}

/** The canonical text of a fixture (or any JSON value), ending with a newline. */
export function formatFixtureJson(value: unknown): string {
  return `${block(value, '')}\n`;
}
