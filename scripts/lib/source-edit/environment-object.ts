/** The object literal of an environment file: the exported `{...}` whose `name` is the environment's name. */
import ts from 'typescript';
import { LiteralEditError, type ParsedSource } from './literal-edit.js';

export function environmentObject(parsed: ParsedSource, name: string): ts.ObjectLiteralExpression {
  for (const statement of parsed.source.statements) {
    if (!ts.isVariableStatement(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer;
      if (!value || !ts.isObjectLiteralExpression(value)) continue;
      const nameProperty = value.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'name') as ts.PropertyAssignment | undefined;
      if (nameProperty && ts.isStringLiteral(nameProperty.initializer) && nameProperty.initializer.text === name) return value;
    }
  }
  throw new LiteralEditError(`${parsed.file}: expected an exported object literal with name: '${name}' the command can edit`);
}
