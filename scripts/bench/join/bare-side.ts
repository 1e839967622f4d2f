// The reference: bare-page.ts bundled by Vite's build API into a temporary folder, served by
// bare-server.ts in its own process, one producer page and joiner pages.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import type { Joiner } from './joiner.ts';
import { PROBE_SCRIPT } from './probe.ts';

const HERE = import.meta.dirname;

export interface BareSide {
  url: string;
  prepare(): Promise<Joiner>;
  close(): Promise<void>;
}

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: HERE,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: join(HERE, 'bare-page.html') },
    },
  });
}

function startServer(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'bare-server.ts'), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const m = /^READY (\d+)$/.exec(line);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
}

export async function startBareSide(
  producerBrowser: Browser,
  joinerBrowser: Browser,
): Promise<BareSide> {
  const dir = mkdtempSync(join(tmpdir(), 'haven-bench-join-'));
  await buildPage(dir);
  const { child, port } = await startServer(dir);
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const producer = await producerBrowser.newContext();
    const page = await producer.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`[bare producer] ${m.text()}`);
    });
    await page.goto(`${url}/?role=producer`);
    await page.waitForFunction(
      () => (window as { __producing?: boolean }).__producing === true,
      null,
      {
        timeout: 20_000,
      },
    );
    return {
      url,
      async prepare() {
        const context = await joinerBrowser.newContext();
        await context.addInitScript(PROBE_SCRIPT);
        const joinerPage = await context.newPage();
        await joinerPage.goto(url);
        await joinerPage.waitForFunction(() => (window as { __bareReady?: boolean }).__bareReady);
        return {
          page: joinerPage,
          context,
          click: () => joinerPage.getByRole('button', { name: 'Join' }).click(),
          close: () => context.close(),
        };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
