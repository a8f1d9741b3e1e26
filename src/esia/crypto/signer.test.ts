import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, test } from "node:test";
import { certificateHash, createGostCertificate, derToPem, gostPrivateKeyToPem } from "./certificate.ts";
import { generateGostKeyPair, gostSign, gostVerify } from "./gost.ts";
import { createCommandSigner, createPureJsSigner } from "./signer.ts";
import { findGostOpenssl } from "./test-openssl.ts";

const keyPair = generateGostKeyPair();
const der = createGostCertificate({ commonName: "FRMRLK dev", keyPair, validDays: 1 });
const certificatePem = derToPem(der, "CERTIFICATE");
const privateKeyPem = gostPrivateKeyToPem(keyPair.privateKey);
const message = new TextEncoder().encode("FRMRLKopenid2025.01.25 14:36:11 +0300state");

describe("createPureJsSigner", () => {
  test("signs in the OpenSSL order and reports the certificate hash", async () => {
    const signer = createPureJsSigner({ privateKeyPem, certificatePem });
    const signature = await signer.sign(message);
    assert.equal(signature.length, 64);
    assert.equal(gostVerify(keyPair.publicKey, message, signature), true);
    assert.equal(signer.certificateHash(), certificateHash(der));
  });

  test("refuses a key that does not belong to the certificate", () => {
    const otherKeyPem = gostPrivateKeyToPem(generateGostKeyPair().privateKey);
    assert.throws(() => createPureJsSigner({ privateKeyPem: otherKeyPem, certificatePem }), /does not match/);
  });

  test("refuses a 512-bit key at start: ESIA's client_secret is GOST3410_2012_256", () => {
    const curve = "TC26-512-A";
    const pair = generateGostKeyPair(curve);
    const pem = derToPem(
      createGostCertificate({ commonName: "512", keyPair: pair, curve, validDays: 1 }),
      "CERTIFICATE",
    );
    const keyPem = gostPrivateKeyToPem(pair.privateKey, curve);
    assert.throws(
      () => createPureJsSigner({ privateKeyPem: keyPem, certificatePem: pem }),
      /256-bit GOST key/,
    );
  });
});

describe("createCommandSigner with a scripted command", () => {
  // A stand-in for csptest: writes a known signature in CryptoPro's (reversed) order and records
  // the input path, so the test can check that the temporary directory is gone afterwards.
  const script = `
    const fs = require("node:fs");
    const [input, output, record, mode, signatureHex] = process.argv.slice(1);
    fs.writeFileSync(record, input);
    if (mode === "fail") { console.error("container not found"); process.exit(3); }
    if (mode === "hang") setTimeout(() => {}, 60000);
    else fs.writeFileSync(output, mode === "short" ? Buffer.alloc(10) : Buffer.from(signatureHex, "hex"));
  `;
  const expected = gostSign(keyPair.privateKey, message);
  const scratch = mkdtempSync(join(tmpdir(), "signer-test-"));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const record = join(scratch, "input-path.txt");
  const cryptoProOrder = Buffer.from(expected).reverse().toString("hex");
  const signerFor = (mode: string, reverseOutput = true, timeoutMs = 10_000) =>
    createCommandSigner({
      command: [process.execPath, "-e", script, "{in}", "{out}", record, mode, cryptoProOrder],
      reverseOutput,
      certificatePem,
      timeoutMs,
    });
  const tempDirRemoved = () => !existsSync(dirname(readFileSync(record, "utf8")));

  test("reverses the output when asked, passes the message and cleans up", async () => {
    const signature = await signerFor("ok").sign(message);
    assert.deepEqual(signature, expected);
    assert.equal(gostVerify(keyPair.publicKey, message, signature), true);
    assert.ok(tempDirRemoved());
    assert.equal(signerFor("ok").certificateHash(), certificateHash(der));
  });

  test("without reversal the raw CryptoPro order does not verify", async () => {
    const signature = await signerFor("ok", false).sign(message);
    assert.equal(gostVerify(keyPair.publicKey, message, signature), false);
  });

  test("a failing command rejects with its stderr and still cleans up", async () => {
    await assert.rejects(signerFor("fail").sign(message), /exit code 3: container not found/);
    assert.ok(tempDirRemoved());
  });

  test("a wrong-sized output and a timeout reject", async () => {
    await assert.rejects(signerFor("short").sign(message), /64-byte/);
    await assert.rejects(signerFor("hang", true, 300).sign(message), /SIGTERM/);
    assert.ok(tempDirRemoved());
  });

  test("a missing program rejects; a command without placeholders is refused up front", async () => {
    const missing = createCommandSigner({
      command: ["/nonexistent/csptest", "{in}", "{out}"],
      reverseOutput: true,
      certificatePem,
      timeoutMs: 1000,
    });
    await assert.rejects(missing.sign(message), /cannot run/);
    assert.throws(
      () =>
        createCommandSigner({
          command: ["openssl", "{in}"],
          reverseOutput: false,
          certificatePem,
          timeoutMs: 1,
        }),
      /\{in\} and \{out\}/,
    );
  });
});

describe("createCommandSigner with the openssl CLI", () => {
  const openssl = findGostOpenssl();
  after(() => typeof openssl !== "string" && openssl.cleanup());

  test("signs with `openssl dgst -md_gost12_256 -sign` (no reversal)", {
    skip: typeof openssl === "string" ? openssl : false,
  }, async () => {
    if (typeof openssl === "string") return;
    const keyPath = join(openssl.dir, "signer-key.pem");
    writeFileSync(keyPath, privateKeyPem, { mode: 0o600 });
    const signer = createCommandSigner({
      command: [
        "env",
        `OPENSSL_CONF=${openssl.configPath}`,
        "openssl",
        "dgst",
        "-md_gost12_256",
        "-sign",
        keyPath,
        "-out",
        "{out}",
        "{in}",
      ],
      reverseOutput: false,
      certificatePem,
      timeoutMs: 10_000,
    });
    const signature = await signer.sign(message);
    assert.equal(gostVerify(keyPair.publicKey, message, signature), true);
  });
});
