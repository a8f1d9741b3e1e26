// Server CPU time of one signature verification (CMS + certificate chain + cached CRL), the figure
// issue 11 asks for: `npx tsx bench/signature-verify.ts [runs] [document bytes]`.
import { checkCertificate } from "../src/modules/signatures/certificate.checks.ts";
import { signDetached, verifyDetached } from "../src/modules/signatures/cms.ts";
import { parseCrl } from "../src/modules/signatures/crl.ts";
import { clinicHead, headCertificate, testCa, trustOf } from "../src/modules/signatures/test-support.ts";

const ca = testCa();
const head = headCertificate(ca);
const size = Number(process.argv[3] ?? 200_000); // a 200 KB document; a decision document is ~1 KB
const content = new Uint8Array(size).fill(0x25);
const signature = signDetached({
  content,
  certificate: head.certificate,
  privateKey: head.privateKey,
  curve: "S-256-A",
  signingTime: new Date(),
});
const crl = parseCrl(ca.crl());
const cachedCrls = async () => crl; // the fetcher's cache hit: no network, no parsing

async function once(): Promise<void> {
  const cms = verifyDetached(signature, content);
  if (!cms.ok) throw new Error(cms.problem);
  const verdict = await checkCertificate(cms.signer, {
    at: new Date(),
    trust: trustOf(ca),
    crls: cachedCrls,
    head: clinicHead,
  });
  if (!verdict.ok || verdict.revocation !== "good") throw new Error("unexpected verdict");
}

await once(); // warm-up (JIT, curve tables)
const runs = Number(process.argv[2] ?? 10);
const start = process.cpuUsage();
const wall = performance.now();
for (let i = 0; i < runs; i++) await once();
const cpu = process.cpuUsage(start);
console.log(
  `one verification (signature + certificate + CRL, ${Math.round(size / 1000)} KB document): ${((cpu.user + cpu.system) / 1000 / runs).toFixed(1)} ms CPU, ${((performance.now() - wall) / runs).toFixed(1)} ms wall (mean of ${runs})`,
);
