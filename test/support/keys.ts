import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DevKeys, loadOrCreateDevKeys } from "../../src/esia/crypto/dev-keys.ts";

let keysPromise: Promise<DevKeys> | undefined;

/** GOST and RSA key generation is slow; one set serves every test in the process. */
export function testKeys(): Promise<DevKeys> {
  keysPromise ??= mkdtemp(join(tmpdir(), "frmr-keys-")).then(loadOrCreateDevKeys);
  return keysPromise;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

