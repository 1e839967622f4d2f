import { spawnSync } from 'node:child_process';
import { hash, verify } from '@node-rs/argon2';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';

/**
 * `npm test` runs this suite on the machine's Node and again on Node 22 LTS
 * (scripts/test-stages.mjs). These checks fail when a run is not wholly on the Node it
 * claims, or when a native module does not load on it.
 */
describe('the Node the suite runs on', () => {
  it('is also the `node` that child processes started by name get', () => {
    const child = spawnSync('node', ['-p', 'process.version'], { encoding: 'utf8' });
    expect(child.stdout.trim()).toBe(process.version);
  });

  it('loads the native password hasher (@node-rs/argon2)', async () => {
    const stored = await hash('correct horse', { memoryCost: 1024, timeCost: 1 });
    expect(await verify(stored, 'correct horse')).toBe(true);
    expect(await verify(stored, 'wrong horse')).toBe(false);
  });

  it('loads the native SVG rasteriser the benchmark charts use (@resvg/resvg-js)', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="4" height="2"/></svg>';
    const png = new Resvg(svg).render();
    expect([png.width, png.height]).toEqual([4, 2]);
    expect(png.asPng().subarray(1, 4).toString()).toBe('PNG');
  });
});
