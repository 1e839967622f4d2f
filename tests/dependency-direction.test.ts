import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// architecture.md: client → shared, server → sfu → shared; shared imports nothing of ours but zod.
const root = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // `import … from 'x'`, `export … from 'x'`, `import 'x'` and `import('x')`; a string that
  // merely ends in "from" (an error message: 'must be after from') is no import.
  const statement = /(?:^|[\n;])\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g;
  const bare = /\bimport\s*\(?\s*['"]([^'"]+)['"]/g;
  return [...text.matchAll(statement), ...text.matchAll(bare)].map((match) => match[1] as string);
}

/** Which top-level folder a relative import lands in, or the package name for a bare import. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.'))
    return `package:${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`;
  return relative(root, resolve(dirname(file), spec)).split('/')[0] as string;
}

function violations(dir: string, allowed: (t: string) => boolean): string[] {
  return sources(dir).flatMap((file) =>
    importsOf(file)
      .filter((spec) => !allowed(target(file, spec)))
      .map((spec) => `${relative(root, file)} imports ${spec}`),
  );
}

describe('dependency direction', () => {
  it('shared/ imports only shared/ and zod', () => {
    expect(violations('shared', (t) => t === 'shared' || t === 'package:zod')).toEqual([]);
  });

  it('sfu/ never imports server/ or client/', () => {
    expect(violations('sfu', (t) => t !== 'server' && t !== 'client')).toEqual([]);
  });

  it('client/ imports shared/ but never server/ or sfu/', () => {
    expect(
      violations('client/src', (t) => t !== 'server' && t !== 'sfu' && t !== 'package:mediasoup'),
    ).toEqual([]);
  });

  it('server/ never imports client/', () => {
    expect(violations('server', (t) => t !== 'client')).toEqual([]);
  });
});
