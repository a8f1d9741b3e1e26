// Our static assets under content-hashed URLs (/assets/app.css?v=<hash>), so that browsers may keep
// them for a year: a changed file gets a new URL. Hashes are computed once per process, on first use.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { FastifyReply } from "fastify";

export const assetsRoot = new URL("../ui/assets/", import.meta.url);
const versions = new Map<string, string>();

/** The URL of an asset in src/ui/assets with its content hash. */
export function assetUrl(name: string): string {
  let version = versions.get(name);
  if (version === undefined) {
    version = createHash("sha256")
      .update(readFileSync(new URL(name, assetsRoot)))
      .digest("base64url")
      .slice(0, 12);
    versions.set(name, version);
  }
  return `/assets/${name}?v=${version}`;
}

/** @fastify/static's setHeaders: a year and immutable for hashed URLs, an hour for bare ones. */
export function assetCacheHeaders(reply: FastifyReply): void {
  const hashed = /[?&]v=[\w-]+/.test(reply.request.url);
  reply.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=3600");
}
