// Builds the page's signing script (browser/signing.ts with the shared PKCS#12, CMS and GOST code)
// into src/ui/assets/signing.js at start, so it is served content-hashed like the other assets. It is
// built again only when a source is newer than the bundle; written under a temporary name and renamed,
// since several processes (tests) may start at once.
import { mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { assetsRoot } from "../../http/assets.ts";
import { SIGNING_SCRIPT } from "./views/browser-signing.tsx";

const here = fileURLToPath(new URL(".", import.meta.url));
const sources = [
  here,
  fileURLToPath(new URL("browser/", import.meta.url)),
  fileURLToPath(new URL("../../esia/crypto/", import.meta.url)),
];

function newestSource(): number {
  return Math.max(
    ...sources.flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith(".ts"))
        .map((name) => statSync(`${dir}/${name}`).mtimeMs),
    ),
  );
}

export async function ensureSigningBundle(): Promise<void> {
  const out = fileURLToPath(new URL(SIGNING_SCRIPT, assetsRoot));
  try {
    if (statSync(out).mtimeMs >= newestSource()) return;
  } catch {
    // not built yet
  }
  mkdirSync(fileURLToPath(assetsRoot), { recursive: true });
  const shim = fileURLToPath(new URL("browser/node-shims.ts", import.meta.url));
  const temporary = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [fileURLToPath(new URL("browser/signing.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    // The GOST library looks for Node's `global`; in the page that is globalThis.
    define: { global: "globalThis" },
    outfile: temporary,
    inject: [shim],
    logLevel: "silent",
    plugins: [
      {
        name: "node-shims",
        setup(b) {
          b.onResolve({ filter: /^(node:)?crypto$/ }, () => ({ path: shim }));
        },
      },
    ],
  });
  renameSync(temporary, out);
}
