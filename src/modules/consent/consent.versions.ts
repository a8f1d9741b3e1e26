// The wording of the consent, versioned and kept as data: a consent record stores the version id
// and the hash of the exact text, so that a later edit never changes what someone agreed to.
import { createHash } from "node:crypto";
import versions from "./consent-versions.json" with { type: "json" };

export interface ConsentVersion {
  id: string;
  /** `YYYY-MM-DD` */
  publishedOn: string;
  title: string;
  paragraphs: readonly string[];
}

export const consentVersions: readonly ConsentVersion[] = versions;

/** The version new consents are given to: the last one published. */
export function currentConsentVersion(): ConsentVersion {
  const current = consentVersions.at(-1);
  if (!current) throw new Error("no consent text is defined");
  return current;
}

export function findConsentVersion(id: string): ConsentVersion | undefined {
  return consentVersions.find((version) => version.id === id);
}

export function consentTextSha256(version: ConsentVersion): string {
  return createHash("sha256")
    .update([version.title, ...version.paragraphs].join("\n\n"))
    .digest("hex");
}
