import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { derToPem, gostPrivateKeyInfoFromPem } from "../../esia/crypto/certificate.ts";
import { gostPublicKeyFromPrivate } from "../../esia/crypto/gost.ts";
import { checkCertificate } from "./certificate.checks.ts";
import { parseCertificate } from "./certificate.parse.ts";
import { parseCrl } from "./crl.ts";
import { readPkcs12 } from "./pkcs12.ts";
import { runTestCaCommand } from "./test-ca.command.ts";
import { openTestCa } from "./test-ca.ts";
import { clinicHead } from "./test-support.ts";

const dir = mkdtempSync(join(tmpdir(), "test-ca-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("test-ca command", () => {
  test("issues the head's .pfx, keeps the CA across runs, and revokes into the CRL", async () => {
    const ca = openTestCa(join(dir, "ca"), "http://127.0.0.1:9/test-ca/crl");
    const out = join(dir, "head.pfx");
    const issued = await runTestCaCommand(
      ca,
      ["issue", "--snils", "175-504-030 51", "--out", out, "--password", "Test-1234"],
      new Date(),
    );
    assert.equal(issued.ok, true, issued.message);
    const { certificates } = await readPkcs12(readFileSync(out), "Test-1234");
    const certificate = parseCertificate(certificates[0] ?? new Uint8Array());
    assert.deepEqual(readFileSync(join(dir, "head.cer")), Buffer.from(certificate.der));

    // A second process opens the same CA (same root) and sees the revocation made by the first.
    const again = openTestCa(join(dir, "ca"), "http://127.0.0.1:9/test-ca/crl");
    assert.deepEqual(again.root.der, ca.root.der);
    const crls = async () => parseCrl(ca.crl());
    const trust = { roots: [again.root], intermediates: [] };
    assert.equal(
      (await checkCertificate(certificate, { at: new Date(), trust, crls, head: clinicHead })).ok,
      true,
    );
    const revoked = await runTestCaCommand(again, ["revoke", "--cert", join(dir, "head.cer")], new Date());
    assert.equal(revoked.ok, true);
    assert.deepEqual(await checkCertificate(certificate, { at: new Date(), trust, crls, head: clinicHead }), {
      ok: false,
      problem: "REVOKED",
    });
  });

  test("--key-size 512 issues a .pfx with a TC26 512-bit key that matches its certificate", async () => {
    const ca = openTestCa(join(dir, "ca"), "http://127.0.0.1:9/test-ca/crl");
    const out = join(dir, "head512.pfx");
    const args = ["issue", "--snils", "175-504-030 51", "--out", out, "--password", "p", "--key-size", "512"];
    const issued = await runTestCaCommand(ca, args, new Date());
    assert.equal(issued.ok, true, issued.message);
    assert.match(issued.message, /512-bit/);
    const opened = await readPkcs12(readFileSync(out), "p");
    const certificate = parseCertificate(opened.certificates[0] ?? new Uint8Array());
    const key = gostPrivateKeyInfoFromPem(derToPem(opened.pkcs8Der, "PRIVATE KEY"));
    assert.equal(key.curve, "TC26-512-A");
    assert.equal(certificate.gostKey?.curve, "TC26-512-A");
    assert.deepEqual(gostPublicKeyFromPrivate(key.privateKey, key.curve), certificate.gostKey?.publicKey);
    const trust = { roots: [ca.root], intermediates: [] };
    const crls = async () => parseCrl(ca.crl());
    assert.equal(
      (await checkCertificate(certificate, { at: new Date(), trust, crls, head: clinicHead })).ok,
      true,
    );
    const wrongSize = await runTestCaCommand(ca, [...args.slice(0, -1), "384"], new Date());
    assert.equal(wrongSize.ok, false);
    assert.match(wrongSize.message, /--key-size 256\|512/);
  });

  test("unknown person and missing options are refused with usage", async () => {
    const ca = openTestCa(join(dir, "ca"), "http://127.0.0.1:9/test-ca/crl");
    const unknown = await runTestCaCommand(
      ca,
      ["issue", "--snils", "000", "--out", join(dir, "x.pfx"), "--password", "p"],
      new Date(),
    );
    assert.equal(unknown.ok, false);
    assert.equal((await runTestCaCommand(ca, ["issue"], new Date())).ok, false);
  });
});
