// `npm run cli -- test-ca <issue | revoke | root>`: test certificates for the demo persons.
//   issue  --snils <СНИЛС> --out head.pfx --password <пароль> [--ogrn <ОГРН>] [--days 365] [--from-days -1]
//          [--key-size 256|512]   (512: a TC26 512-bit paramSetA key; 256, the default: CryptoPro-A)
//   revoke --serial <hex> | --cert <file .cer/.pem>
//   root   --out test-ca.crt
// The head's certificate names the organization where the person is chief (the first, or --ogrn).
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { derToPem, gostPrivateKeyToPem, pemToDer } from "../../esia/crypto/certificate.ts";
import type { GostCurve } from "../../esia/crypto/gost.ts";
import { seedPeople, standinOrganizations } from "../../esia-standin/seed.ts";
import { ownerName, parseCertificate } from "./certificate.parse.ts";
import { buildPkcs12 } from "./pkcs12.ts";
import type { TestCa } from "./test-ca.ts";
import { personSubject } from "./test-ca.ts";

const DAY = 86_400_000;
const CURVE_BY_KEY_SIZE = new Map<string, GostCurve>([
  ["256", "S-256-A"],
  ["512", "TC26-512-A"],
]);
const ISSUE_USAGE =
  "Usage: test-ca issue --snils <СНИЛС> --out head.pfx --password <password> [--ogrn <ОГРН>] [--days 365] [--key-size 256|512]";

export async function runTestCaCommand(
  ca: TestCa,
  args: string[],
  now: Date,
): Promise<{ ok: boolean; message: string }> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      snils: { type: "string" },
      ogrn: { type: "string" },
      out: { type: "string" },
      password: { type: "string" },
      days: { type: "string", default: "365" },
      "from-days": { type: "string", default: "-1" },
      serial: { type: "string" },
      cert: { type: "string" },
      "key-size": { type: "string", default: "256" },
    },
  });
  if (action === "root") {
    if (!values.out) return { ok: false, message: "Usage: test-ca root --out test-ca.crt" };
    writeFileSync(values.out, derToPem(ca.root.der, "CERTIFICATE"));
    return { ok: true, message: `Test CA root written to ${values.out}` };
  }
  if (action === "revoke") {
    const serial =
      values.serial ?? (values.cert ? parseCertificate(readFileSync(values.cert)).serialHex : undefined);
    if (!serial || !/^[0-9a-f]+$/i.test(serial))
      return { ok: false, message: "Usage: test-ca revoke --serial <hex> | --cert <file>" };
    ca.revoke(serial.toLowerCase(), now);
    return { ok: true, message: `Certificate ${serial.toLowerCase()} revoked; the CRL lists it from now on` };
  }
  const curve = CURVE_BY_KEY_SIZE.get(values["key-size"]);
  if (action !== "issue" || !values.snils || !values.out || !values.password || !curve) {
    return { ok: false, message: ISSUE_USAGE };
  }
  const digits = values.snils.replace(/\D/g, "");
  const person = seedPeople.find((p) => p.snils?.replace(/\D/g, "") === digits);
  if (!person) return { ok: false, message: `No demo person with СНИЛС ${values.snils}` };
  const chiefOf = person.roles.filter((role) => role.chief).map((role) => role.orgOid);
  const organization = Object.values(standinOrganizations).find(
    (org) => chiefOf.includes(org.oid) && (!values.ogrn || org.ogrn === values.ogrn),
  );
  const { certificate, privateKey } = ca.issue({
    subject: personSubject(person, organization, organization ? "Руководитель" : undefined),
    notBefore: new Date(now.getTime() + Number(values["from-days"]) * DAY),
    notAfter: new Date(now.getTime() + Number(values.days) * DAY),
    curve,
  });
  const pkcs8Der = pemToDer(gostPrivateKeyToPem(privateKey, curve));
  writeFileSync(
    values.out,
    await buildPkcs12({
      certificateDer: certificate.der,
      pkcs8Der,
      password: values.password,
      friendlyName: ownerName(certificate),
    }),
    { mode: 0o600 },
  );
  const cerPath = `${values.out.replace(/\.(pfx|p12)$/i, "")}.cer`;
  writeFileSync(cerPath, certificate.der);
  return {
    ok: true,
    message: [
      `${values.out}: PKCS#12 with the GOST ${values["key-size"]}-bit key and the certificate of ${ownerName(certificate)}${organization ? `, head of ${organization.shortName}` : ""}`,
      `${cerPath}: the certificate alone (DER); serial ${certificate.serialHex}, valid to ${certificate.notAfter.toISOString()}`,
    ].join("\n"),
  };
}
