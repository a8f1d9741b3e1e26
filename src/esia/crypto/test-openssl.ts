// Test support (not a test itself): runs the openssl CLI with the GOST engine loaded, for
// cross-checking the pure-JS code against the implementation ESIA's own reference clients use.
// Tests skip their OpenSSL cases, with the reason, where the CLI or the engine is missing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface GostOpenssl {
  /** Config that loads the engine (domain/esia.md §16.3); pass as OPENSSL_CONF. */
  configPath: string;
  /** Private scratch directory for the test's files. */
  dir: string;
  /** Runs openssl with the engine; throws with stderr on a non-zero exit. */
  run(args: string[], input?: Uint8Array): Buffer;
  /** Like run, but reports the exit status instead of throwing (for expected failures). */
  succeeds(args: string[]): boolean;
  cleanup(): void;
}

/** An engine-enabled openssl, or the reason why there is none (for `{ skip: reason }`). */
export function findGostOpenssl(): GostOpenssl | string {
  const enginePath = findGostEngine();
  if (enginePath === undefined) return "OpenSSL GOST engine (gost.so under /usr/lib/*/engines-3/) not found";
  const dir = mkdtempSync(join(tmpdir(), "gost-openssl-"));
  const configPath = join(dir, "openssl-gost.cnf");
  writeFileSync(
    configPath,
    [
      "openssl_conf = openssl_init",
      "[openssl_init]",
      "engines = engine_section",
      "[engine_section]",
      "gost = gost_section",
      "[gost_section]",
      "engine_id = gost",
      `dynamic_path = ${enginePath}`,
      "default_algorithms = ALL",
      "",
    ].join("\n"),
  );
  const spawnOpenssl = (args: string[], input?: Uint8Array) =>
    spawnSync("openssl", args, { input, env: { ...process.env, OPENSSL_CONF: configPath }, cwd: dir });
  const probe = spawnOpenssl(["dgst", "-md_gost12_256"], new Uint8Array());
  if (probe.error !== undefined || probe.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    if ((probe.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT")
      return "openssl CLI not found on PATH";
    return `openssl CLI cannot use the GOST engine: ${probe.error?.message ?? probe.stderr.toString().trim()}`;
  }
  return {
    configPath,
    dir,
    run(args, input) {
      const result = spawnOpenssl(args, input);
      if (result.status !== 0) throw new Error(`openssl ${args.join(" ")}: ${result.stderr.toString()}`);
      return result.stdout;
    },
    succeeds: (args) => spawnOpenssl(args).status === 0,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function findGostEngine(): string | undefined {
  if (!existsSync("/usr/lib")) return undefined;
  for (const entry of readdirSync("/usr/lib")) {
    const candidate = join("/usr/lib", entry, "engines-3", "gost.so");
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * `openssl cms -verify` of a detached DER signature over `content`, trusting `caFile` (with
 * `crlCheck`, the CRL must sit in that file next to the root: `cms -verify` has no -CRLfile).
 */
export function cmsVerifyArgs(options: {
  signature: string;
  content: string;
  caFile: string;
  crlCheck?: boolean;
  out: string;
}): string[] {
  return [
    "cms",
    "-verify",
    "-binary",
    "-inform",
    "DER",
    "-in",
    options.signature,
    "-content",
    options.content,
    "-CAfile",
    options.caFile,
    ...(options.crlCheck ? ["-crl_check"] : []),
    "-out",
    options.out,
  ];
}

/**
 * A .pfx written by `openssl pkcs12 -export` from a PEM key and its certificate, with the protection
 * that `protection` names (e.g. `-keypbe gost89 …`; none: OpenSSL's default, AES and HMAC-SHA256).
 */
export function opensslPkcs12(
  openssl: GostOpenssl,
  o: { keyPem: string; certificatePem: string; password: string; protection?: string[]; name?: string },
): Buffer {
  const base = join(openssl.dir, o.name ?? "export");
  writeFileSync(`${base}.key`, o.keyPem);
  writeFileSync(`${base}.crt`, o.certificatePem);
  openssl.run(
    ["pkcs12", "-export", "-in", `${base}.crt`, "-inkey", `${base}.key`, ...(o.protection ?? [])].concat([
      "-passout",
      `pass:${o.password}`,
      "-out",
      `${base}.pfx`,
    ]),
  );
  return readFileSync(`${base}.pfx`);
}
