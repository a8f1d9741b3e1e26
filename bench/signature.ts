// CPU time of one GOST R 34.10-2012 signature as the ESIA client makes it (two per login), measured
// in this process while no server is under load. The target is ≤ 3 ms.
import { generateGostKeyPair, gostSign } from "../src/esia/crypto/gost.ts";

export function signatureCpuMs(runs: number): number {
  const { privateKey } = generateGostKeyPair();
  const message = new TextEncoder().encode("openid fullname2026.12.01 12:00:00 +0300FRMR-state-0123456789");
  gostSign(privateKey, message); // the first call builds the base-point table and compiles the code
  const started = process.cpuUsage();
  for (let run = 0; run < runs; run++) gostSign(privateKey, message);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / runs;
}
