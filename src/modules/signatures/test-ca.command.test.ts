import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
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
