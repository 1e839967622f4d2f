import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { SLIP_KEY_ID_LENGTH } from '../../../shared/api/attendance.ts';

/** Where a development machine keeps the key it generated (HAVEN_DATA_DIR). */
export const KEY_FILE_NAME = 'attendance-signing-key.pem';
/** Bounds the verifier's work: each listed key is one more lookup, never a loop over signatures. */
export const MAX_PREVIOUS_KEYS = 10;

export class SlipKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlipKeyError';
  }
}

export interface SlipKeys {
  privateKey: KeyObject;
  /** Signing key's id, then any previous keys' (rotation), each with its public key. */
  publicKeys: Map<string, KeyObject>;
  keyId: string;
  source: 'config' | 'file' | 'generated' | 'ephemeral';
}

export interface SlipKeyOptions {
  dataDir: string;
  production: boolean;
  /** ATTENDANCE_SIGNING_KEY: PKCS#8 PEM, or its DER in base64. */
  configuredKey?: string | undefined;
  /** ATTENDANCE_PREVIOUS_PUBLIC_KEYS: comma-separated SPKI PEM or base64 DER. */
  previousPublicKeys?: string | undefined;
}

/** The first 9 bytes of SHA-256 over the public key's SPKI DER, base64url (12 characters). */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256')
    .update(der)
    .digest()
    .subarray(0, 9)
    .toString('base64url')
    .slice(0, SLIP_KEY_ID_LENGTH);
}

// Messages never quote the value: it is a private key, and start-up errors reach the terminal and logs.
function parsePrivateKey(value: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    const trimmed = value.trim();
    key = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey({ key: trimmed, format: 'pem' })
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new SlipKeyError(`${where}: not a PKCS#8 private key (PEM, or DER in base64)`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new SlipKeyError(`${where}: must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

function parsePublicKey(value: string): KeyObject {
  let key: KeyObject;
  try {
    key = value.startsWith('-----BEGIN')
      ? createPublicKey({ key: value, format: 'pem' })
      : createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new SlipKeyError(
      'ATTENDANCE_PREVIOUS_PUBLIC_KEYS: an entry is not an SPKI public key (PEM, or DER in base64)',
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new SlipKeyError('ATTENDANCE_PREVIOUS_PUBLIC_KEYS: every key must be Ed25519');
  return key;
}

function readKeyFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes a new key so that no reader ever sees half a file and no two starts each keep
 * their own key: the PEM goes to a private temporary file (0600 from its creation), is
 * fsynced, then hard-linked to the final name, which fails if another start got there first
 * (rename would replace that key and orphan the slips it already signed).
 */
function generateKeyFile(dataDir: string, path: string): string {
  mkdirSync(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const temporary = join(
    dataDir,
    `.${KEY_FILE_NAME}.${process.pid}.${randomBytes(6).toString('hex')}`,
  );
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, pem);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  // Whoever won the race, everyone uses what is on disk now.
  return readFileSync(path, 'utf8');
}

function withPrevious(keys: Omit<SlipKeys, 'publicKeys'>, previous: string | undefined): SlipKeys {
  const publicKeys = new Map<string, KeyObject>([[keys.keyId, createPublicKey(keys.privateKey)]]);
  const entries = (previous ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length > MAX_PREVIOUS_KEYS)
    throw new SlipKeyError(`ATTENDANCE_PREVIOUS_PUBLIC_KEYS: at most ${MAX_PREVIOUS_KEYS} keys`);
  for (const entry of entries) {
    const key = parsePublicKey(entry);
    publicKeys.set(keyIdOf(key), key);
  }
  return { ...keys, publicKeys };
}

/**
 * The signing key: ATTENDANCE_SIGNING_KEY when set; otherwise, outside production, the key
 * file in the data folder, generated on first start. Production refuses to start without
 * the configured key (docs/attendance-slips.md): several nodes must sign with one key, and a
 * key generated on a short-lived disk would silently invalidate every slip at redeploy.
 */
export function loadSlipKeys(options: SlipKeyOptions): SlipKeys {
  if (options.configuredKey) {
    const privateKey = parsePrivateKey(options.configuredKey, 'ATTENDANCE_SIGNING_KEY');
    const keyId = keyIdOf(createPublicKey(privateKey));
    return withPrevious({ privateKey, keyId, source: 'config' }, options.previousPublicKeys);
  }
  if (options.production)
    throw new SlipKeyError(
      'ATTENDANCE_SIGNING_KEY must be set in production (an Ed25519 PKCS#8 key: `openssl genpkey -algorithm ed25519`)',
    );
  const path = join(options.dataDir, KEY_FILE_NAME);
  const existing = readKeyFile(path);
  const pem = existing ?? generateKeyFile(options.dataDir, path);
  const privateKey = parsePrivateKey(pem, path);
  const keyId = keyIdOf(createPublicKey(privateKey));
  return withPrevious(
    { privateKey, keyId, source: existing ? 'file' : 'generated' },
    options.previousPublicKeys,
  );
}

/** A key that lives as long as the process: for tests and apps built without main.ts. */
export function ephemeralSlipKeys(): SlipKeys {
  const { privateKey } = generateKeyPairSync('ed25519');
  return withPrevious(
    { privateKey, keyId: keyIdOf(createPublicKey(privateKey)), source: 'ephemeral' },
    undefined,
  );
}
