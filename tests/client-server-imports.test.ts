import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Remix's browser build replaces every `*.server` module with an empty one. A page that
// uses a value from such a module in its component renders fine on the server and
// breaks when it hydrates (the union outcomes page's table headers read
// `outcomeMetrics` from outcomes.server.ts: undefined in the browser, so the page
// crashed with JavaScript on and kept its server HTML with scripts off). TypeScript
// cannot see this; this test does: in every route, whatever code the browser keeps
// (all but loader, action and headers, and what only they use) and in every other .tsx
// file, no value may come from a `.server` file.

const root = path.resolve(__dirname, '..');
const serverOnlyExports = new Set(['loader', 'action', 'headers']);

function program() {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const files = parsed.fileNames.filter((file) => file.startsWith(path.join(root, 'app') + path.sep));
  return ts.createProgram(files, { ...parsed.options, noEmit: true });
}

const isServerFile = (file: string) =>
  /\.server\.tsx?$/.test(file) || file.includes(`${path.sep}app${path.sep}server${path.sep}`);

function topLevelNames(statement: ts.Statement): string[] {
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement))
    return statement.name ? [statement.name.text] : [];
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  return [];
}

const isExported = (statement: ts.Statement) =>
  ts.canHaveModifiers(statement) &&
  (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

function inTypePosition(node: ts.Node) {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isTypeNode(at) || ts.isImportDeclaration(at) || ts.isExportDeclaration(at)) return true;
    if (ts.isStatement(at)) return false;
  }
  return false;
}

/** `row.id`, `{ id: 1 }`, `<a id>`: names of properties, never references to a binding. */
function isPropertyName(node: ts.Identifier) {
  const parent = node.parent;
  return (
    ((ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isJsxAttribute(parent)) &&
      parent.name === node) ||
    (ts.isBindingElement(parent) && parent.propertyName === node)
  );
}

/** The file where an imported name is really declared, through re-exports. */
function declaredIn(checker: ts.TypeChecker, identifier: ts.Identifier) {
  const imported = checker.getSymbolAtLocation(identifier);
  // Only names bound by an import: a property such as `row.id` is data, not a module's value.
  if (!imported || !(imported.flags & ts.SymbolFlags.Alias)) return undefined;
  const symbol = checker.getAliasedSymbol(imported);
  if (!(symbol.flags & ts.SymbolFlags.Value)) return undefined;
  return symbol.declarations?.[0]?.getSourceFile().fileName;
}

/** Values from `.server` files that code kept for the browser uses, as "file:line name". */
function serverValuesInBrowserCode(checker: ts.TypeChecker, source: ts.SourceFile, isRoute: boolean) {
  const statements = [...source.statements];
  const byName = new Map<string, ts.Statement>();
  for (const statement of statements) for (const name of topLevelNames(statement)) byName.set(name, statement);

  const importedNames = new Set(
    statements.flatMap((statement) => {
      if (!ts.isImportDeclaration(statement) || !statement.importClause || statement.importClause.isTypeOnly) return [];
      const clause = statement.importClause;
      const named = clause.namedBindings;
      return [
        ...(clause.name ? [clause.name.text] : []),
        ...(named && ts.isNamedImports(named)
          ? named.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text)
          : []),
        ...(named && ts.isNamespaceImport(named) ? [named.name.text] : []),
      ];
    }),
  );
  const kept = new Set<ts.Statement>();
  const queue = statements.filter((statement) => {
    if (
      ts.isImportDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement)
    )
      return false;
    if (!isRoute) return true;
    const names = topLevelNames(statement);
    if (ts.isExportAssignment(statement) || ts.isExpressionStatement(statement)) return true;
    return isExported(statement) && names.some((name) => !serverOnlyExports.has(name));
  });
  const found: string[] = [];
  while (queue.length) {
    const statement = queue.pop();
    if (!statement || kept.has(statement)) continue;
    kept.add(statement);
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && !isPropertyName(node) && !inTypePosition(node)) {
        const local = byName.get(node.text);
        if (local && local !== statement) queue.push(local);
        const file = importedNames.has(node.text) ? declaredIn(checker, node) : undefined;
        if (file && isServerFile(file)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          found.push(`${path.relative(root, source.fileName)}:${line + 1} ${node.text} (${path.relative(root, file)})`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
  }
  return found;
}

describe('code that runs in the browser', () => {
  it('uses no value from a .server module (it would be undefined there)', { timeout: 120_000 }, () => {
    const built = program();
    const checker = built.getTypeChecker();
    const problems = built
      .getSourceFiles()
      .filter(
        (source) => source.fileName.startsWith(path.join(root, 'app') + path.sep) && !isServerFile(source.fileName),
      )
      .flatMap((source) => {
        const isRoute =
          source.fileName.includes(`${path.sep}app${path.sep}routes${path.sep}`) ||
          source.fileName === path.join(root, 'app', 'root.tsx');
        if (!isRoute && !source.fileName.endsWith('.tsx')) return [];
        return serverValuesInBrowserCode(checker, source, isRoute);
      });
    expect(problems).toEqual([]);
  });

  it('finds such a use (the check can fail)', () => {
    const file = path.join(root, 'app/routes/__probe.tsx');
    const text = [
      "import { parsePeriod } from '~/modules/verification/outcomes.server';",
      'export async function loader() { return parsePeriod(new URLSearchParams()); }',
      'export default function Probe() { return String(parsePeriod(new URLSearchParams())); }',
    ].join('\n');
    const host = ts.createCompilerHost({});
    const original = host.getSourceFile;
    host.getSourceFile = (name, language) =>
      name === file ? ts.createSourceFile(name, text, language, true) : original.call(host, name, language);
    const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    const probe = ts.createProgram([file], { ...parsed.options, noEmit: true }, host);
    const source = probe.getSourceFile(file);
    expect(source).toBeDefined();
    if (!source) return;
    const found = serverValuesInBrowserCode(probe.getTypeChecker(), source, true);
    expect(found).toEqual(['app/routes/__probe.tsx:3 parsePeriod (app/modules/verification/outcomes.server.ts)']);
  });
});
