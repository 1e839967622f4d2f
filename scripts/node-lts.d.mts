// Types for tests/scripts/node-lts.test.ts; node-lts.mjs stays plain JavaScript (built-ins only).
export declare const NODE_LTS: { version: string; integrity: string };
export declare function versionOf(bin: string): string | null;
export declare function ensureNodeLts(options?: {
  log?: (message: string) => void;
  root?: string;
}): Promise<{ bin: string; status: 'cached' | 'installed' }>;
