import fc from 'fast-check';
import { ImplementationBroke } from '../../adapters/protocol/broke';
import { decodeRequest, decodeResponse, RequestInvalid, type Awaiting } from '../../adapters/protocol/decode';
import { VALID_REQUESTS, VALID_RESPONSES } from './samples';

const awaitingFor = (type: string, seq = 0, step = 4): Awaiting => {
  const accepts = { hello: ['hello'], ok: ['ok'], result: ['result'], snapshot: ['snapshot'], error: ['result'] }[type] as Awaiting['accepts'];
  return { request: type === 'result' || type === 'error' ? 'step' : type === 'ok' ? 'reset' : (type as Awaiting['request']), seq, step, accepts: [...accepts, 'error'] };
};

function brokeOf(line: string, awaiting: Awaiting): ImplementationBroke {
  try {
    decodeResponse(line, awaiting);
  } catch (e) {
    if (e instanceof ImplementationBroke) return e;
    throw e;
  }
  throw new Error(`decoded: ${line}`);
}

describe('decodeResponse', () => {
  test.each(VALID_RESPONSES.map((r) => [r.type, r] as const))('accepts a valid %s response', (type, r) => {
    expect(decodeResponse(JSON.stringify(r), awaitingFor(type))).toEqual(r);
  });

  test('names the step, the request and the field of a bad errno', () => {
    const bad = { type: 'result', seq: 7, result: { observations: [{ step: 4, pid: 1, call: 'fork', kind: 'return', errno: 'ENOPE' }], log: [] } };
    const e = brokeOf(JSON.stringify(bad), awaitingFor('result', 7));
    expect(e.reason).toBe('schema');
    expect(e.context).toMatchObject({ request: 'step', seq: 7, step: 4, field: '/result/observations/0/errno' });
    expect(e.message).toContain('at step 4');
  });

  test.each([
    ['not json', 'garbled', ''],
    ['{"type":"result","seq":8,"result":{"observations":[],"log":[]}}', 'seq', '/seq'],
    ['{"type":"ok","seq":0}', 'type', '/type'],
    ['{"type":"nope","seq":0}', 'schema', '/type'],
    ['{"seq":0}', 'schema', '/type'],
    ['{"type":"result","seq":0,"result":{"observations":[],"log":[],"extra":1}}', 'schema', '/result/extra'],
    ['{"type":"result","seq":0,"result":{"observations":[{"step":0,"pid":1,"call":"fork","kind":"return"}]}}', 'schema', '/result/log'],
    ['{"type":"result","seq":0,"result":{"observations":[],"log":[],"trace":[{"kind":"zap","pid":1}]}}', 'schema', '/result/trace/0/kind'],
    ['[]', 'schema', ''],
  ])('%s is a %s break at %s', (line, reason, field) => {
    const e = brokeOf(line, awaitingFor('result'));
    expect(e.reason).toBe(reason);
    expect(e.context.field).toBe(field);
  });

  test('an error response with seq -1 (the server could not read the seq) is accepted as data', () => {
    const r = decodeResponse('{"type":"error","seq":-1,"error":{"kind":"protocol","message":"bad"}}', awaitingFor('result', 3));
    expect(r.type).toBe('error');
  });
});

describe('decodeRequest', () => {
  test.each(VALID_REQUESTS.map((r) => [`${r.type} ${r.seq}`, r] as const))('accepts %s', (_, r) => {
    expect(decodeRequest(JSON.stringify(r))).toEqual(r);
  });

  test('names the field of a bad step and keeps the seq', () => {
    expect(() => decodeRequest('{"type":"step","seq":5,"index":0,"step":{"pid":1,"call":"kill","target":2,"sig":"SIGNOPE"}}')).toThrow(RequestInvalid);
    try {
      decodeRequest('{"type":"step","seq":5,"index":0,"step":{"pid":1,"call":"kill","target":2}}');
    } catch (e) {
      expect(e).toMatchObject({ seq: 5, field: '/step/sig' });
    }
  });
});

/** Mutations of a JSON value: drop, replace or add a field somewhere inside, or change its type. */
function mutate(value: unknown, path: number[], replacement: unknown, op: number): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (path.length === 0 || entries.length === 0) {
    const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
    if (op === 0 && entries.length) delete (copy as Record<string, unknown>)[entries[0][0]];
    else if (op === 1) (copy as Record<string, unknown>)['zz'] = replacement;
    else return replacement;
    return copy;
  }
  const [k, v] = entries[path[0] % entries.length];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  (copy as Record<string, unknown>)[k] = mutate(v, path.slice(1), replacement, op);
  return copy;
}

describe('decoder fuzzing', () => {
  const valid = VALID_RESPONSES.map((r) => ({ type: r.type, line: JSON.stringify(r), value: r }));
  const mutatedLine = fc
    .record({
      sample: fc.integer({ min: 0, max: valid.length - 1 }),
      path: fc.array(fc.nat(), { maxLength: 6 }),
      replacement: fc.jsonValue({ maxDepth: 2 }),
      op: fc.integer({ min: 0, max: 2 }),
      cut: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.nat(), weight: 1 }),
    })
    .map(({ sample, path, replacement, op, cut }) => {
      const s = valid[sample];
      const line = JSON.stringify(mutate(s.value, path, replacement, op));
      return { line: cut === undefined ? line : line.slice(0, cut % (line.length + 1)), type: s.type };
    });
  const randomLine = fc.oneof(fc.string({ unit: 'binary' }), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))).map((line) => ({ line, type: 'result' }));

  const unchanged = fc.constantFrom(...valid).map(({ line, type }) => ({ line, type }));

  test('every input is either a valid message or a typed break naming the request, the step and the field', () => {
    const reasons = new Set(['garbled', 'seq', 'type', 'schema']);
    let decoded = 0;
    let broke = 0;
    fc.assert(
      fc.property(fc.oneof(mutatedLine, mutatedLine, randomLine, unchanged), ({ line, type }) => {
        const awaiting = awaitingFor(type);
        try {
          const r = decodeResponse(line, awaiting);
          decoded++;
          return awaiting.accepts.includes(r.type) && (r.seq === awaiting.seq || (r.type === 'error' && r.seq === -1));
        } catch (e) {
          broke++;
          if (!(e instanceof ImplementationBroke)) throw e;
          const c = e.context;
          const named = c.request === awaiting.request && c.step === awaiting.step && typeof c.field === 'string' && e.message.includes(`at step ${awaiting.step}`);
          if (!reasons.has(e.reason) || !named) throw new Error(`break does not name where: ${e.message}`);
          return true;
        }
      }),
      { numRuns: 12_000, seed: 4 },
    );
    // Both outcomes must actually occur, or the fuzzing proves nothing.
    expect(decoded + broke).toBe(12_000);
    expect(decoded).toBeGreaterThan(1000);
    expect(broke).toBeGreaterThan(5000);
  });
});
