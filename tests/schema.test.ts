import path from 'node:path';
import { sql } from 'kysely';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';

type Column = { nullable: boolean; family: string };

// Reads the hand-written Database type with the TypeScript compiler: each
// table's columns, whether their selected value can be null, and a coarse type.
function columnsFromType(): Record<string, Record<string, Column>> {
  const file = path.resolve('db/schema.ts');
  const program = ts.createProgram([file], {
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const database = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((s) => s.name === 'Database')!;
  const result: Record<string, Record<string, Column>> = {};
  for (const table of checker.getDeclaredTypeOfSymbol(database).getProperties()) {
    const columns: Record<string, Column> = {};
    for (const column of checker.getTypeOfSymbol(table).getProperties()) {
      const split = (t: ts.Type) => {
        const parts = t.isUnion() ? t.types : [t];
        return {
          nullable: parts.some((p) => p.flags & ts.TypeFlags.Null),
          rest: parts.filter((p) => !(p.flags & ts.TypeFlags.Null)),
        };
      };
      let { nullable, rest: nonNull } = split(checker.getTypeOfSymbol(column));
      // ColumnType<Select, Insert, Update> (and Generated<T>): what a select returns.
      const select = nonNull.length === 1 ? nonNull[0].getProperty('__select__') : undefined;
      if (select) {
        const inner = split(checker.getTypeOfSymbol(select));
        nullable ||= inner.nullable;
        nonNull = inner.rest;
      }
      const text = nonNull.map((p) => checker.typeToString(p));
      const family = text.every((t) => t === 'number' || /^\d+$/.test(t))
        ? 'number'
        : text.every((t) => t === 'boolean' || t === 'true' || t === 'false')
          ? 'boolean'
          : text.every((t) => t === 'Date')
            ? 'date'
            : text.every((t) => t === 'string' || t.startsWith('"'))
              ? 'string'
              : 'json';
      columns[column.name] = { nullable, family };
    }
    result[table.name] = columns;
  }
  return result;
}

const familyOfPgType: Record<string, string> = {
  text: 'string',
  'character varying': 'string',
  uuid: 'string',
  'USER-DEFINED': 'string',
  inet: 'string',
  integer: 'number',
  bigint: 'number',
  smallint: 'number',
  numeric: 'number',
  'double precision': 'number',
  real: 'number',
  boolean: 'boolean',
  'timestamp with time zone': 'date',
  date: 'string',
  jsonb: 'json',
  ARRAY: 'json',
  tstzrange: 'string',
  tsvector: 'string',
};

describe('the Database type', () => {
  it('matches the migrated schema: tables, columns, nullability and types', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string; data_type: string }>`
      select table_name, column_name, is_nullable, data_type
      from information_schema.columns
      where table_schema = 'public' and table_name not like 'kysely_%'
      order by table_name, ordinal_position`.execute(db);
    const fromDb: Record<string, Record<string, Column>> = {};
    for (const r of rows) {
      fromDb[r.table_name] ??= {};
      fromDb[r.table_name][r.column_name] = {
        nullable: r.is_nullable === 'YES',
        family: familyOfPgType[r.data_type] ?? r.data_type,
      };
    }
    expect(columnsFromType()).toEqual(fromDb);
  });
});
