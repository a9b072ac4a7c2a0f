/**
 * A small reader of prisma/schema.prisma: the tables and columns it declares, with the
 * PostgreSQL type and nullability each maps to. Used by the drift test so schema.prisma and
 * the SQL migrations cannot disagree (prisma migrate diff needs an engine we cannot download).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type ColumnSpec = { table: string; column: string; dataType: string; nullable: boolean };

const SCALARS: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  Float: 'double precision',
  Boolean: 'boolean',
  DateTime: 'timestamp with time zone',
  Json: 'jsonb',
};

export function readSchemaColumns(file = path.resolve(import.meta.dirname, 'schema.prisma')): ColumnSpec[] {
  const text = readFileSync(file, 'utf8');
  const enums = new Set([...text.matchAll(/^enum\s+(\w+)\s*\{/gm)].map((m) => m[1]));
  const columns: ColumnSpec[] = [];
  for (const block of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, modelName, body] = block;
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? modelName;
    for (const line of body.split('\n')) {
      const field = /^\s*(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field || line.trim().startsWith('//') || line.trim().startsWith('@@')) continue;
      const [, name, type, list, optional, attributes] = field;
      const isEnum = enums.has(type);
      if (!SCALARS[type] && !isEnum) continue; // relation field: no column
      const column = /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? name;
      let dataType = isEnum ? 'USER-DEFINED' : SCALARS[type];
      if (attributes.includes('@db.Uuid')) dataType = 'uuid';
      if (list) dataType = 'ARRAY';
      // Prisma creates scalar lists as nullable arrays.
      columns.push({ table, column, dataType, nullable: Boolean(optional) || Boolean(list) });
    }
  }
  return columns;
}
