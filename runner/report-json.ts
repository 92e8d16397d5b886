/**
 * JSON for people and for diffs: objects spread over lines, small leaves (flat arrays, short
 * objects) kept on one line. Deterministic: the same value gives the same text.
 */
export function formatJson(v: unknown, indent = '', width = 100): string {
  const flat = JSON.stringify(v);
  if (typeof v !== 'object' || v === null || flat.length <= width - indent.length) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object' || x === null)) return flat;
    return `[\n${v.map((x) => inner + formatJson(x, inner, width)).join(',\n')}\n${indent}]`;
  }
  return `{\n${Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${formatJson(x, inner, width)}`).join(',\n')}\n${indent}}`;
}
