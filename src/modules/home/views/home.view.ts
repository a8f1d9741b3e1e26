import { fullName } from "../../../shared/format.ts";
import { maskSnils } from "../../../shared/identifiers.ts";
import { type DocumentRequirement, documentPurposes } from "../../documents/document-types.ts";

export interface HomeView {
  fullName: string;
  maskedSnils: string | undefined;
  /** W8: what is still to be uploaded for periodic accreditation. */
  documents: { purposeLabel: string; missing: { label: string; uploadHref: string }[] };
}

export function buildHomeView(
  user: {
    lastName: string;
    firstName: string;
    middleName: string | null;
    snils: string | null;
  },
  missingDocuments: readonly DocumentRequirement[],
): HomeView {
  return {
    fullName: fullName(user),
    maskedSnils: user.snils ? maskSnils(user.snils) : undefined,
    documents: {
      purposeLabel: documentPurposes.periodic_accreditation.label,
      missing: missingDocuments.map((requirement) => ({
        label: requirement.label,
        uploadHref: `/lk/documents/upload?type=${requirement.anyOf[0] ?? ""}`,
      })),
    },
  };
}
