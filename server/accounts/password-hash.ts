/**
 * argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum), explicit
 * so a library upgrade cannot quietly weaken it.
 */
export const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
