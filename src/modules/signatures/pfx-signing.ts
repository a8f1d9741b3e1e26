// What the page does with the head's .pfx, kept apart from the DOM so that tests run it as is: find
// the signer's certificate among those in the file, read the GOST key (256- or 512-bit) and make the
// detached CMS over the document.
import { derToPem, gostPrivateKeyInfoFromPem } from "../../esia/crypto/certificate.ts";
import { type ParsedCertificate, parseCertificate } from "./certificate.parse.ts";
import { signDetached } from "./cms.ts";
import { readPkcs12 } from "./pkcs12.ts";

/** The signer's certificate: the first that is not a CA's (a .pfx may carry its chain), else the first. */
export function signerCertificate(certificates: Uint8Array[]): ParsedCertificate | undefined {
  const parsed = certificates.map((der) => parseCertificate(der));
  return parsed.find((c) => !c.isCa) ?? parsed[0];
}

/**
 * A detached CMS of the content with the .pfx's key; Pkcs12PasswordError for a wrong password. The
 * content is asked for only once the password has opened the file (the page fetches it then).
 */
export async function signWithPfx(o: {
  pfx: Uint8Array;
  password: string;
  content: () => Promise<Uint8Array>;
  signingTime: Date;
}): Promise<Uint8Array> {
  const opened = await readPkcs12(o.pfx, o.password);
  const certificate = signerCertificate(opened.certificates);
  if (!certificate) throw new Error("no certificate in the .pfx");
  const key = gostPrivateKeyInfoFromPem(derToPem(opened.pkcs8Der, "PRIVATE KEY"));
  return signDetached({
    content: await o.content(),
    certificate,
    privateKey: key.privateKey,
    curve: key.curve,
    signingTime: o.signingTime,
  });
}
