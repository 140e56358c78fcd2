import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;
export type SchemaIo = 'input' | 'output';

const COMPONENT_REF = '#/components/schemas/';

function isPlainEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function rewriteRefs(node: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, names));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
      const name = names.get(value.slice('#/$defs/'.length));
      out[key] = name === undefined ? value : `${COMPONENT_REF}${name}`;
    } else {
      out[key] = rewriteRefs(value, names);
    }
  }
  return out;
}

/** A free component name for `def`: its own id if unused or identical, else a suffixed one. */
function componentName(
  id: string,
  def: unknown,
  io: SchemaIo,
  components: Record<string, JsonSchema>,
): string {
  for (let n = 0; ; n++) {
    const name = n === 0 ? id : n === 1 ? `${id}_${io}` : `${id}_${io}_${n}`;
    const existing = components[name];
    if (existing === undefined || isPlainEqual(existing, def)) return name;
  }
}

/**
 * Converts a zod schema to JSON Schema 2020-12 (OpenAPI 3.1's dialect) for embedding in the
 * document. Named and recursive sub-schemas that zod puts in a local `$defs` would resolve against
 * the document root once embedded, so they are moved into `components.schemas` and re-pointed.
 * Unrepresentable schemas (transforms in output position, dates) throw: the document must be true.
 */
export function toDocumentSchema(
  schema: z.ZodType,
  io: SchemaIo,
  components: Record<string, JsonSchema>,
): JsonSchema {
  const {
    $schema: _dialect,
    $defs,
    ...root
  } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
  }) as JsonSchema;
  const defs = ($defs ?? {}) as Record<string, JsonSchema>;
  const names = new Map<string, string>();
  // Compared as they would be stored if every def kept its id.
  const asIs = new Map(Object.keys(defs).map((id) => [id, id]));
  for (const [id, def] of Object.entries(defs)) {
    names.set(id, componentName(id, rewriteRefs(def, asIs), io, components));
  }
  for (const [id, def] of Object.entries(defs)) {
    const name = names.get(id) as string;
    components[name] = rewriteRefs(def, names) as JsonSchema;
  }
  return rewriteRefs(root, names) as JsonSchema;
}
