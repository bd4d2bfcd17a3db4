import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { zhCN } from './messages.zh-CN';

/**
 * Every message the API can show a person is written as a `MessageId` (message.ts). The compiler tells us where:
 * any expression whose contextual type is `MessageId` (an AppError's message, a field error's, a helper's parameter,
 * a `Record<…, MessageId>` value) is a message id. A string literal there is an id to translate; a value that is
 * already a `MessageId` was checked where it was written; anything else (a template literal, a concatenation, a
 * plain string) is text built at run time that no catalogue can hold.
 */
type Extraction = {
  /** Each id with where it is written (`file:line`). */
  ids: Map<string, string[]>;
  /** Message ids built at run time, as `file:line: text`. */
  dynamic: string[];
};

function extractMessageIds(program: ts.Program, inFile: (fileName: string) => boolean): Extraction {
  const checker = program.getTypeChecker();
  const ids = new Map<string, string[]>();
  const dynamic: string[] = [];

  const isMessageId = (type: ts.Type | undefined): boolean =>
    type !== undefined &&
    (type.isUnion()
      ? type.types.some(isMessageId)
      : type.isIntersection() && checker.getPropertyOfType(type, '__messageId') !== undefined);

  // A value's own type: `MessageId`, `MessageId | null`, or generic (`names[state]`) with `MessageId` as constraint.
  const isMessageIdOrNothing = (type: ts.Type): boolean => {
    if (type.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) return true;
    if (type.isUnion()) return type.types.every(isMessageIdOrNothing);
    if (isMessageId(type)) return true;
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint !== undefined && constraint !== type && isMessageIdOrNothing(constraint);
  };

  const where = (node: ts.Node) => {
    const file = node.getSourceFile();
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    return `${path.relative(process.cwd(), file.fileName)}:${line + 1}`;
  };

  const collect = (node: ts.Expression): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      ids.set(node.text, [...(ids.get(node.text) ?? []), where(node)]);
    } else if (ts.isParenthesizedExpression(node)) {
      collect(node.expression);
    } else if (ts.isConditionalExpression(node)) {
      collect(node.whenTrue);
      collect(node.whenFalse);
    } else if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
        node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    ) {
      collect(node.left);
      collect(node.right);
    } else if (!isMessageIdOrNothing(checker.getTypeAtLocation(node))) {
      dynamic.push(`${where(node)}: ${node.getText().replace(/\s+/g, ' ')}`);
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isShorthandPropertyAssignment(node)) {
      // `{ field, message }`: the name is also the value.
      const value = checker.getShorthandAssignmentValueSymbol(node);
      if (
        isMessageId(checker.getContextualType(node.name)) &&
        !(value && isMessageId(checker.getTypeOfSymbolAtLocation(value, node)))
      )
        dynamic.push(`${where(node)}: ${node.getText()}`);
      return;
    }
    if (
      ts.isExpression(node) &&
      !isNameOf(node.parent, node) &&
      isMessageId(checker.getContextualType(node))
    ) {
      collect(node);
      return;
    }
    const message = ts.isObjectLiteralExpression(node) ? textMessageOf(node) : undefined;
    if (message) {
      // `list.map((x) => ({ message: '…' }))`: the callback's type is inferred from the literal itself, so nothing
      // says that this is a message id, even where the list goes on to be a FieldError[]. Annotating the callback,
      // `(x): FieldError => …`, says it.
      const declared = checker
        .getContextualType(node as ts.Expression)
        ?.getProperty('message')?.valueDeclaration;
      if (declared === message)
        dynamic.push(
          `${where(node)}: a message in an object whose type is inferred; give the object its type`,
        );
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (inFile(file.fileName)) visit(file);
  return { ids, dynamic };
}

/** An object literal's `message` property, when its value is written as text. */
function textMessageOf(node: ts.ObjectLiteralExpression): ts.PropertyAssignment | undefined {
  return node.properties.find(
    (p): p is ts.PropertyAssignment =>
      ts.isPropertyAssignment(p) &&
      p.name.getText() === 'message' &&
      (ts.isStringLiteralLike(p.initializer) || ts.isTemplateExpression(p.initializer)),
  );
}

/** Whether `node` names its parent (a property, a parameter…) rather than being a value in it. */
function isNameOf(parent: ts.Node, node: ts.Node): boolean {
  return 'name' in parent && parent.name === node;
}

// Only our own files are compiled, and imports of packages are left unresolved (they type as `any`): message ids
// never pass through a package's types, and the whole program with node_modules takes four times as long to check.
const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  experimentalDecorators: true,
  noEmit: true,
  types: [],
  lib: ['lib.es2023.d.ts'],
};

function createProgram(rootNames: string[], host = ts.createCompilerHost(COMPILER_OPTIONS)): ts.Program {
  host.resolveModuleNameLiterals = (literals, containingFile, _redirect, options) =>
    literals.map((literal) =>
      literal.text.startsWith('.')
        ? ts.resolveModuleName(literal.text, containingFile, options, host)
        : { resolvedModule: undefined },
    );
  return ts.createProgram({ rootNames, options: COMPILER_OPTIONS, host });
}

function serverSourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverSourceFiles(file);
    return /(?<!\.spec)\.ts$/.test(entry.name) ? [file] : [];
  });
}

/** The {{placeholders}} of a message, sorted: a translation must use exactly its id's. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]))].sort();
}

describe('the message catalogue', () => {
  const serverDir = path.resolve(__dirname, '..');
  let found: Extraction;

  beforeAll(() => {
    const files = serverSourceFiles(serverDir);
    found = extractMessageIds(createProgram(files), (fileName) => files.includes(path.resolve(fileName)));
  }, 60_000);

  it('finds the messages of the API where they are written', () => {
    expect(found.ids.get('Sign in to do this.')).toEqual(
      expect.arrayContaining([expect.stringMatching(/common\/request-context\.ts:\d+$/)]),
    );
    // Notifications are messages too, stored as ids and read in the reader's language.
    expect(found.ids.get('{{amount}} for {{obligation}} is due on {{dueDate}}.')).toEqual([
      expect.stringMatching(/contracts\/contract-engine\.service\.ts:\d+$/),
    ]);
    expect(found.ids.get('Your payment for {{obligation}} went through.')).toEqual([
      expect.stringMatching(/billing\/collection\.service\.ts:\d+$/),
    ]);
    expect(found.ids.size).toBeGreaterThan(250);
  });

  it('has a Chinese translation for every message id in the server', () => {
    const missing = [...found.ids]
      .filter(([id]) => !Object.hasOwn(zhCN, id))
      .map(([id, at]) => `${at[0]}: ${id}`);
    expect(missing).toEqual([]);
  });

  it('finds no message built at run time: values go in {{params}}, so that the text can be translated', () => {
    expect(found.dynamic).toEqual([]);
  });

  it('translates each message with the same {{params}} as its id, and into something', () => {
    const mismatched = Object.entries(zhCN)
      .filter(([id, zh]) => zh.trim() === '' || placeholders(id).join() !== placeholders(zh).join())
      .map(([id, zh]) => `${id} → ${zh}`);
    expect(mismatched).toEqual([]);
  });
});

describe('extractMessageIds', () => {
  const SOURCES: Record<string, string> = {
    '/virtual/message.ts': `export type MessageId = string & { readonly __messageId?: never };`,
    '/virtual/uses.ts': `
      import type { MessageId } from './message';
      type FieldError = { field: string; message: MessageId; params?: Record<string, unknown> };
      class Failure { constructor(code: string, message: MessageId) {} }
      const NAMES: Record<'A' | 'B', MessageId> = { A: 'Alpha', B: 'Beta' };
      const max = 3;
      const errors: FieldError[] = [];
      const add = (field: string, message: MessageId) => errors.push({ field, message });
      const loose = (field: string, message: string) => errors.push({ field, message });
      export function check(text: string, known: MessageId, flag: boolean) {
        add('a', 'Give {{what}}.');
        add('b', flag ? 'Yes.' : 'No.');
        errors.push({ field: 'c', message: 'Pushed.' });
        add('d', known);
        add('e', NAMES.A);
        add('f', \`Keep it under \${max}.\`);
        add('g', 'Keep it ' + 'short.');
        add('h', text);
        loose('i', 'Not a message id: the helper takes any string.');
        errors.push(...[1].map((n): FieldError => ({ field: 'j', message: 'Mapped {{n}}.', params: { n } })));
        errors.push(...[1].map((n) => ({ field: 'k', message: 'Inferred {{n}}.', params: { n } })));
        return new Failure('X', 'Thrown.');
      }`,
  };

  it('takes literals in message positions as ids and reports text built at run time', () => {
    const host = ts.createCompilerHost(COMPILER_OPTIONS);
    const readFile = host.readFile.bind(host);
    host.directoryExists = (dir) => dir === '/virtual' || ts.sys.directoryExists(dir);
    host.fileExists = (fileName) => fileName in SOURCES || ts.sys.fileExists(fileName);
    host.readFile = (fileName) => SOURCES[fileName] ?? readFile(fileName);
    host.getSourceFile = (fileName, languageVersion) =>
      fileName in SOURCES
        ? ts.createSourceFile(fileName, SOURCES[fileName], languageVersion, true)
        : ts.createSourceFile(fileName, ts.sys.readFile(fileName) ?? '', languageVersion, true);
    const program = createProgram(Object.keys(SOURCES), host);
    const { ids, dynamic } = extractMessageIds(program, (fileName) => fileName in SOURCES);

    expect([...ids.keys()].sort()).toEqual([
      'Alpha',
      'Beta',
      'Give {{what}}.',
      'Mapped {{n}}.',
      'No.',
      'Pushed.',
      'Thrown.',
      'Yes.',
    ]);
    expect(dynamic.map((d) => d.replace(/^.*?: /, ''))).toEqual([
      'message',
      '`Keep it under ${max}.`',
      "'Keep it ' + 'short.'",
      'text',
      'a message in an object whose type is inferred; give the object its type',
    ]);
  });
});
