import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DevKeys, loadOrCreateDevKeys } from "../../src/esia/crypto/dev-keys.ts";

let keysPromise: Promise<DevKeys> | undefined;

/**
 * Key generation takes seconds; one set in the system's temporary directory serves every test file
 * (loadOrCreateDevKeys creates it atomically, so parallel test files agree on one set).
 */
export const testKeysDir = join(tmpdir(), "frmr-test-keys");

export function testKeys(): Promise<DevKeys> {
  keysPromise ??= loadOrCreateDevKeys(testKeysDir);
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
