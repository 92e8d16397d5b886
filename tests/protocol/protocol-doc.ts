import { DEFINITIONS, REQUEST_SCHEMAS, RESPONSE_SCHEMAS } from '../../adapters/protocol/schemas';

export const BEGIN = '<!-- schemas:begin (generated from adapters/protocol/schemas.ts; tests/protocol/docs.test.ts keeps them equal) -->';
export const END = '<!-- schemas:end -->';

/** JSON with objects spread over lines and small leaves (flat arrays, one-field objects) kept on one. */
export function formatJson(v: unknown, indent = ''): string {
  const flat = JSON.stringify(v);
  if (typeof v !== 'object' || v === null || flat.length <= 72 - indent.length) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object' || x === null)) return flat;
    return `[\n${v.map((x) => inner + formatJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  return `{\n${Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${formatJson(x, inner)}`).join(',\n')}\n${indent}}`;
}

const block = (title: string, schema: unknown) => `#### ${title}\n\n\`\`\`json\n${formatJson(schema)}\n\`\`\`\n`;

/** The schema section of docs/protocol.md, exactly as the code defines the messages. */
export function schemaSection(): string {
  const parts = [BEGIN, '', '### Requests (runner → implementation)', ''];
  for (const [type, s] of Object.entries(REQUEST_SCHEMAS)) parts.push(block(`request \`${type}\``, s));
  parts.push('### Responses (implementation → runner)', '');
  for (const [type, s] of Object.entries(RESPONSE_SCHEMAS)) parts.push(block(`response \`${type}\``, s));
  parts.push('### Shared definitions (`#/definitions/NAME`)', '');
  for (const [name, s] of Object.entries(DEFINITIONS)) parts.push(block(`\`${name}\``, s));
  parts.push(END);
  return parts.join('\n');
}
