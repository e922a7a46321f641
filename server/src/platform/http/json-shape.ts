/**
 * A linear scan of JSON text, chunk by chunk as it arrives, that refuses a body by its shape before
 * anything parses it: nested deeper than `maxDepth`, or with more than `maxMembers` object members and
 * array items in all. It only tracks brackets, strings and separators (syntax errors are left to
 * JSON.parse), so its cost is one pass over the bytes with no allocation per value, and a hostile body is
 * refused at the byte where it crosses a limit, not after a parse of the whole of it.
 */

export interface JsonShapeLimits {
  /** Deepest nesting of objects and arrays; the top-level value is depth 1. */
  maxDepth: number;
  /** Most object members and array items, counted over the whole body. */
  maxMembers: number;
}

export type JsonShapeProblem =
  | { kind: 'too-deep'; path: string; limit: number }
  | { kind: 'too-many-members'; limit: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
/** Long keys are cut in the path of a refusal: the path is for a person to read. */
const KEY_BYTES = 64;

/**
 * A scanner for one body. Feed it every chunk in order; it answers the first problem and nothing after.
 * The scan keeps one byte of state per level and allocates nothing per value (a batch of 10,000 residents
 * is several megabytes); only when a body nests too deep is the path to the offending value worked out,
 * by reading the chunks seen so far again.
 *
 * @example
 * const scan = scanJsonShape({ maxDepth: 64, maxMembers: 10_000 });
 * scan.push(new TextEncoder().encode('[[[[')); // undefined while within the limits
 * scan.push(chunk); // { kind: 'too-deep', path: '0.0.0…', limit: 64 } once past one
 */
export function scanJsonShape(limits: JsonShapeLimits): { push(chunk: Uint8Array): JsonShapeProblem | undefined } {
  // Per level (1-based; level 0 is outside the body): an array, an object waiting for a key, a value begun since the last separator.
  const isArray = new Uint8Array(limits.maxDepth + 1);
  const expectKey = new Uint8Array(limits.maxDepth + 1);
  const hasValue = new Uint8Array(limits.maxDepth + 1);
  const seen: Uint8Array[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let members = 0;
  let problem: JsonShapeProblem | undefined;

  const push = (chunk: Uint8Array): JsonShapeProblem | undefined => {
    if (problem) return problem;
    seen.push(chunk);
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      if (inString) {
        // Inside a string only its end matters: jump from quote to quote, and a quote ends the string
        // unless an odd run of backslashes comes before it.
        if (escaped) {
          escaped = false;
          continue;
        }
        const quote = chunk.indexOf(QUOTE, i);
        const end = quote < 0 ? n : quote;
        let backslashes = 0;
        while (end - backslashes - 1 >= i && chunk[end - backslashes - 1] === BACKSLASH) backslashes += 1;
        if (quote < 0) {
          escaped = backslashes % 2 === 1;
          break;
        }
        i = quote;
        if (backslashes % 2 === 0) inString = false;
        continue;
      }
      const byte = chunk[i]!;
      switch (byte) {
        case QUOTE:
          inString = true;
          if (depth > 0 && expectKey[depth] === 1) expectKey[depth] = 0;
          else if (depth > 0 && hasValue[depth] === 0) {
            hasValue[depth] = 1;
            members += 1;
          }
          break;
        case OPEN_OBJECT:
        case OPEN_ARRAY:
          if (depth > 0 && hasValue[depth] === 0) {
            hasValue[depth] = 1;
            members += 1;
          }
          if (depth >= limits.maxDepth) {
            problem = { kind: 'too-deep', path: pathBefore(seen, i), limit: limits.maxDepth };
            return problem;
          }
          depth += 1;
          isArray[depth] = byte === OPEN_ARRAY ? 1 : 0;
          expectKey[depth] = byte === OPEN_OBJECT ? 1 : 0;
          hasValue[depth] = 0;
          break;
        case CLOSE_OBJECT:
        case CLOSE_ARRAY:
          if (depth > 0) depth -= 1;
          break;
        case COMMA:
          if (depth > 0) {
            hasValue[depth] = 0;
            if (isArray[depth] === 0) expectKey[depth] = 1;
          }
          break;
        case COLON:
        case 0x20:
        case 0x09:
        case 0x0a:
        case 0x0d:
          break;
        default:
          // The first byte of a number, `true`, `false` or `null` starts a value.
          if (depth > 0 && hasValue[depth] === 0) {
            hasValue[depth] = 1;
            members += 1;
          }
      }
      if (members > limits.maxMembers) {
        problem = { kind: 'too-many-members', limit: limits.maxMembers };
        return problem;
      }
    }
    return undefined;
  };
  return { push };
}

interface Level {
  array: boolean;
  /** The current member: an array index, or an object key as bytes (collected while reading it). */
  index: number;
  key: number[];
  /** An object level waiting for a key (after `{` or `,`). */
  expectKey: boolean;
}

const decoder = new TextDecoder();

/**
 * The path (`a.0.b`, as field errors name paths) of the value being read just before byte `end` of the
 * last chunk: the chunks are read again, this time keeping each level's key or index.
 */
function pathBefore(chunks: readonly Uint8Array[], end: number): string {
  const stack: Level[] = [];
  let inString = false;
  let escaped = false;
  let readingKey = false;
  chunks.forEach((chunk, c) => {
    const stop = c === chunks.length - 1 ? end : chunk.length;
    for (let i = 0; i < stop; i++) {
      const byte = chunk[i]!;
      const top = stack.at(-1);
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) {
          inString = false;
          readingKey = false;
          continue;
        }
        if (readingKey && top!.key.length < KEY_BYTES) top!.key.push(byte);
        continue;
      }
      if (byte === QUOTE) {
        inString = true;
        if (top && !top.array && top.expectKey) {
          top.expectKey = false;
          top.key = [];
          readingKey = true;
        }
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        stack.push({ array: byte === OPEN_ARRAY, index: 0, key: [], expectKey: byte === OPEN_OBJECT });
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        stack.pop();
      } else if (byte === COMMA && top) {
        if (top.array) top.index += 1;
        else top.expectKey = true;
      }
    }
  });
  return stack.map((level) => (level.array ? String(level.index) : decoder.decode(new Uint8Array(level.key)))).join('.');
}
