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

interface Level {
  array: boolean;
  /** The current member: an array index, or an object key as bytes (collected while reading it). */
  index: number;
  key: number[];
  /** An object level waiting for a key (after `{` or `,`). */
  expectKey: boolean;
  /** A value has started at this level since its last separator (an empty array has no items). */
  hasValue: boolean;
}

/**
 * A scanner for one body. Feed it every chunk in order; it answers the first problem and nothing after.
 *
 * @example
 * const scan = scanJsonShape({ maxDepth: 64, maxMembers: 10_000 });
 * scan.push(new TextEncoder().encode('[[[[')); // undefined while within the limits
 * scan.push(chunk); // { kind: 'too-deep', path: '0.0.0…', limit: 64 } once past one
 */
export function scanJsonShape(limits: JsonShapeLimits): { push(chunk: Uint8Array): JsonShapeProblem | undefined } {
  const stack: Level[] = [];
  let inString = false;
  let escaped = false;
  let readingKey = false;
  let members = 0;
  let problem: JsonShapeProblem | undefined;

  const valueStarts = () => {
    const top = stack.at(-1);
    if (top && !top.hasValue) {
      top.hasValue = true;
      members += 1;
    }
  };

  const push = (chunk: Uint8Array): JsonShapeProblem | undefined => {
    if (problem) return problem;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) {
          inString = false;
          readingKey = false;
          continue;
        }
        if (readingKey) {
          const key = stack.at(-1)!.key;
          if (key.length < KEY_BYTES) key.push(byte);
        }
        continue;
      }
      switch (byte) {
        case QUOTE: {
          inString = true;
          const top = stack.at(-1);
          if (top && !top.array && top.expectKey) {
            top.expectKey = false;
            top.key = [];
            readingKey = true;
          } else valueStarts();
          break;
        }
        case OPEN_OBJECT:
        case OPEN_ARRAY:
          valueStarts();
          if (stack.length >= limits.maxDepth) {
            problem = { kind: 'too-deep', path: pathOf(stack), limit: limits.maxDepth };
            return problem;
          }
          stack.push({ array: byte === OPEN_ARRAY, index: 0, key: [], expectKey: byte === OPEN_OBJECT, hasValue: false });
          break;
        case CLOSE_OBJECT:
        case CLOSE_ARRAY:
          stack.pop();
          break;
        case COMMA: {
          const top = stack.at(-1);
          if (top) {
            top.hasValue = false;
            if (top.array) top.index += 1;
            else top.expectKey = true;
          }
          break;
        }
        case COLON:
          break;
        default:
          // The first byte of a number, `true`, `false` or `null` starts a value; white space does not.
          if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) valueStarts();
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

const decoder = new TextDecoder();

/** The path of the value being read at the innermost level, as field errors name paths (`a.0.b`). */
function pathOf(stack: readonly Level[]): string {
  return stack.map((level) => (level.array ? String(level.index) : decoder.decode(new Uint8Array(level.key)))).join('.');
}
