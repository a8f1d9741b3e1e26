// What the shared signing code takes from Node, for the browser bundle: Buffer from the `buffer`
// package, and node:crypto's randomBytes from Web Crypto (signing needs only randomness).
export { Buffer } from "buffer";

export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

export function createHash(): never {
  throw new Error("createHash is not available in the browser bundle");
}
