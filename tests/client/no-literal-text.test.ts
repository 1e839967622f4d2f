import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';

/**
 * Every word a person reads must come from the i18n catalogues. This parses each
 * client .tsx file and reports JSX text, string children ({'…'}) and text-bearing
 * attributes (aria-label="…", title, alt, placeholder…) that contain letters.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(ROOT, 'client', 'src');
const TEXT_ATTRIBUTES = new Set([
  'alt',
  'aria-description',
  'aria-label',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'label',
  'placeholder',
  'title',
]);
const LETTER = /\p{L}/u;

type Node = { type: string; start: number; [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** String literals an expression can evaluate to, not looking inside calls like t('key'). */
function literalStrings(node: unknown, out: Node[] = []): Node[] {
  if (!isNode(node)) return out;
  if (node.type === 'Literal' && typeof node.value === 'string') out.push(node);
  else if (node.type === 'TemplateLiteral') out.push(node);
  else if (node.type === 'ConditionalExpression') {
    literalStrings(node.consequent, out);
    literalStrings(node.alternate, out);
  } else if (node.type === 'LogicalExpression' || node.type === 'BinaryExpression') {
    literalStrings(node.left, out);
    literalStrings(node.right, out);
  } else if (node.type === 'TSAsExpression' || node.type === 'ParenthesizedExpression') {
    literalStrings(node.expression, out);
  }
  return out;
}

function textOf(node: Node, source: string): string {
  if (node.type === 'JSXText' || node.type === 'Literal') return String(node.value);
  return source.slice(node.start, node.end as number);
}

function findLiteralText(source: string, filename = 'inline.tsx'): string[] {
  const ast = parseAst(source, { lang: 'tsx' }, filename);
  const found: string[] = [];
  const report = (node: Node, what: string) => {
    const text = textOf(node, source);
    if (node.type === 'TemplateLiteral' && !LETTER.test(text.replace(/\$\{[^}]*\}/g, ''))) return;
    if (!LETTER.test(text)) return;
    const line = source.slice(0, node.start).split('\n').length;
    found.push(`${filename}:${line} ${what}: ${JSON.stringify(text.trim())}`);
  };

  const visit = (node: unknown, parent?: Node): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, parent);
      return;
    }
    if (!isNode(node)) return;
    if (node.type === 'JSXText') report(node, 'text');
    if (node.type === 'JSXExpressionContainer' && parent?.type !== 'JSXAttribute') {
      for (const literal of literalStrings(node.expression)) report(literal, 'string child');
    }
    if (node.type === 'JSXAttribute') {
      const name = (node.name as Node & { name?: unknown }).name;
      if (typeof name === 'string' && TEXT_ATTRIBUTES.has(name)) {
        const value = node.value;
        const literals =
          isNode(value) && value.type === 'JSXExpressionContainer'
            ? literalStrings(value.expression)
            : literalStrings(value);
        for (const literal of literals) report(literal, `${name} attribute`);
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'type' && typeof value === 'object') visit(value, node);
    }
  };
  visit(ast);
  return found;
}

describe('no literal UI text in client/src', () => {
  it('finds the kinds of text it is meant to catch (self-test)', () => {
    const sample = [
      'const ok = <p>{t("a")} · {n}</p>;',
      'const a = <p>Hello</p>;',
      'const b = <img alt="A cat" src={src} />;',
      'const c = <button aria-label={"Close"}>{t("x")}</button>;',
      'const d = <p>{busy ? "Loading" : t("done")}</p>;',
      `const e = <p title={\`Hi \${name}\`} className="card-grid" />;`,
    ].join('\n');
    const found = findLiteralText(sample);
    expect(found).toHaveLength(5);
    expect(found.join('\n')).not.toContain('card-grid');
  });

  const files = tsxFiles(SRC);
  it('has .tsx files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => relative(ROOT, f)))('%s has no untranslated text', (file) => {
    expect(findLiteralText(readFileSync(join(ROOT, file), 'utf8'), file)).toEqual([]);
  });
});
