import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ConfigError, loadConfig } from "./config.ts";
import { settings } from "./settings.ts";

const pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----";
const productionEnv = {
  NODE_ENV: "production",
  SESSION_SECRET: "x".repeat(40),
  DATABASE_URL: "postgres://db/frmr",
  PUBLIC_URL: "https://lk.frmr.example",
  ESIA_URL: "https://esia.gosuslugi.ru",
  ESIA_ISSUERS: "http://esia.gosuslugi.ru/",
  ESIA_CERTIFICATES: pem,
  ESIA_CLIENT_KEY_PEM: "key",
  ESIA_CLIENT_CERTIFICATE_PEM: pem,
};

test("development defaults run everything embedded with the stand-in on", () => {
  const config = loadConfig({});
  assert.equal(config.env, "development");
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.standin.enabled, true);
  assert.equal(config.esia.url, "http://localhost:3001");
  assert.equal(config.publicUrl, "http://localhost:3000");
  assert.equal(config.cookieSecure, false);
});

test("an external stand-in (several instances) keeps the development pages and points ESIA at its port", () => {
  const config = loadConfig({ ESIA_STANDIN: "external", ESIA_STANDIN_PORT: "4301" });
  assert.equal(config.standin.enabled, true);
  assert.equal(config.standin.external, true);
  assert.equal(config.esia.url, "http://localhost:4301");
  assert.deepEqual(config.esia.issuers, ["http://localhost:4301/"]);
  assert.equal(loadConfig({}).standin.external, false);
  assert.throws(() => loadConfig({ ...productionEnv, ESIA_STANDIN: "external" }), /ESIA_STANDIN/);
});

test("production starts with real settings, the stand-in off and Secure cookies", () => {
  const config = loadConfig(productionEnv);
  assert.equal(config.standin.enabled, false);
  assert.equal(config.cookieSecure, true);
  assert.deepEqual(config.esia.certificatesPem, [pem]);
});

test("production refuses to start without secrets and ESIA settings, naming each", () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: "production" }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      for (const name of ["SESSION_SECRET", "DATABASE_URL", "PUBLIC_URL", "ESIA_URL", "ESIA_CERTIFICATES"]) {
        assert.ok(
          error.problems.some((problem) => problem.includes(name)),
          name,
        );
      }
      return true;
    },
  );
});

test("the ESIA stand-in can never be switched on in production", () => {
  assert.throws(() => loadConfig({ ...productionEnv, ESIA_STANDIN: "on" }), /ESIA_STANDIN cannot be on/);
});

test("bad numbers are refused", () => {
  assert.throws(() => loadConfig({ PORT: "abc" }), /PORT must be/);
});

test("the README's configuration table lists every setting", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  for (const name of Object.keys(settings)) assert.match(readme, new RegExp(`\\| \`${name}\` \\|`), name);
});

test("the OpenID Connect adapter needs its issuer and client, and then no ESIA settings in production", () => {
  assert.throws(() => loadConfig({ IDENTITY_ADAPTER: "oidc" }), /OIDC_ISSUER_URL/);
  const oidc = {
    IDENTITY_ADAPTER: "oidc",
    OIDC_ISSUER_URL: "https://gateway.example/",
    OIDC_CLIENT_ID: "frmr",
    OIDC_CLIENT_SECRET: "s".repeat(32),
  };
  const config = loadConfig({ ...productionEnv, ESIA_URL: "", ESIA_CERTIFICATES: "", ...oidc });
  assert.equal(config.identityAdapter, "oidc");
  assert.throws(() => loadConfig({ IDENTITY_ADAPTER: "saml" }), /IDENTITY_ADAPTER/);
});

test("an external signer command is a JSON argument list", () => {
  const config = loadConfig({
    ESIA_SIGNER_COMMAND: '["openssl","dgst","-sign","k.pem","-out","{out}","{in}"]',
  });
  assert.deepEqual(config.esia.signerCommand?.slice(-2), ["{out}", "{in}"]);
  assert.throws(() => loadConfig({ ESIA_SIGNER_COMMAND: "openssl dgst" }), /JSON array/);
});

test("ESIA_CERTIFICATES takes PEM blocks and `.cer` files in DER or PEM; a bad path is named", () => {
  const dir = mkdtempSync(join(tmpdir(), "esia-cer-"));
  try {
    const { certificatePem } = createSelfSignedRsa();
    const der = new X509Certificate(certificatePem).raw;
    writeFileSync(join(dir, "esia.cer"), der);
    writeFileSync(join(dir, "esia-pem.cer"), certificatePem);
    const config = loadConfig({
      ESIA_CERTIFICATES: `${pem} ${join(dir, "esia.cer")}\n${join(dir, "esia-pem.cer")}`,
    });
    assert.equal(config.esia.certificatesPem.length, 3);
    assert.equal(config.esia.certificatesPem[0], pem);
    // The DER file comes back as the same certificate, in PEM.
    assert.deepEqual(new X509Certificate(config.esia.certificatesPem[1] ?? "").raw, der);
    assert.deepEqual(new X509Certificate(config.esia.certificatesPem[2] ?? "").raw, der);
    writeFileSync(join(dir, "junk.cer"), "not a certificate");
    assert.throws(
      () => loadConfig({ ESIA_CERTIFICATES: `${join(dir, "junk.cer")} ${join(dir, "missing.cer")}` }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.some((p) => p.includes("junk.cer")) &&
        error.problems.some((p) => p.includes("missing.cer")),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function createSelfSignedRsa(): { certificatePem: string } {
  // A throwaway certificate made by OpenSSL, which every CI machine has.
  const dir = mkdtempSync(join(tmpdir(), "esia-rsa-"));
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=ESIA test", "-days", "1"].concat([
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ]),
      { stdio: "ignore" },
    );
    return { certificatePem: readFileSync(join(dir, "cert.pem"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
