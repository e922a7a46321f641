/** A JSON Schema node of the OpenAPI document, as far as sampling needs it. */
interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  format?: string;
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minItems?: number;
  minLength?: number;
  additionalProperties?: boolean | SchemaNode;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: SchemaNode }> } }>>;
  components?: { schemas?: Record<string, SchemaNode> };
}

/**
 * A body that looks valid for a documented route, built from its request schema in the OpenAPI document
 * (examples first, then the first choice of every union): the starting point that fuzzing mutates, so
 * that mutations reach past the first field check. Undefined when the route documents no JSON body.
 *
 * @example
 * sampleBody(doc, 'post', '/api/v1/evaluate'); // { ruleSetId: 'provincial-common', asOf: '2026-06-30', facts: {} }
 */
export function sampleBody(doc: OpenApiDocument, method: string, path: string): unknown {
  const op = doc.paths[path]?.[method.toLowerCase()];
  const content = op?.requestBody?.content ?? {};
  const json = Object.entries(content).find(([type]) => /json/.test(type))?.[1];
  return json?.schema ? sample(doc, json.schema, 0) : undefined;
}

function sample(doc: OpenApiDocument, node: SchemaNode, depth: number): unknown {
  if (depth > 8) return null;
  if (node.$ref) {
    const name = node.$ref.split('/').at(-1) ?? '';
    const target = doc.components?.schemas?.[name];
    return target ? sample(doc, target, depth + 1) : {};
  }
  if (node.example !== undefined) return node.example;
  if (node.const !== undefined) return node.const;
  if (node.enum?.length) return node.enum[0];
  if (node.default !== undefined) return node.default;
  const choice = node.anyOf?.[0] ?? node.oneOf?.[0];
  if (choice) return sample(doc, choice, depth + 1);
  if (node.allOf?.length) return Object.assign({}, ...node.allOf.map((n) => sample(doc, n, depth + 1)));
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  switch (type ?? (node.properties ? 'object' : undefined)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node.properties ?? {})) out[key] = sample(doc, child, depth + 1);
      return out;
    }
    case 'array':
      return node.items ? Array.from({ length: Math.max(1, node.minItems ?? 1) }, () => sample(doc, node.items!, depth + 1)) : [];
    case 'string':
      if (node.format === 'date') return '2026-06-30';
      if (node.format === 'date-time') return '2026-06-30T08:00:00.000Z';
      return 'x'.repeat(Math.max(1, node.minLength ?? 1));
    case 'integer':
    case 'number':
      return node.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return null;
  }
}
