import { fullName } from "../../../shared/format.ts";
import { maskSnils } from "../../../shared/identifiers.ts";
import {
  type DocumentPurpose,
  documentPurposes,
  missingRequirements,
  purposesFor,
} from "../../documents/document-types.ts";

export interface HomeView {
  fullName: string;
  maskedSnils: string | undefined;
  /** W8: per document set the worker needs, what is still to be uploaded. */
  documents: DocumentSetView[];
}

export interface DocumentSetView {
  purpose: DocumentPurpose;
  purposeLabel: string;
  missing: { label: string; uploadHref: string }[];
}

export function buildHomeView(
  user: {
    lastName: string;
    firstName: string;
    middleName: string | null;
    snils: string | null;
  },
  documentTypes: readonly string[],
  specialtyNames: readonly string[],
): HomeView {
  return {
    fullName: fullName(user),
    maskedSnils: user.snils ? maskSnils(user.snils) : undefined,
    // The sets follow the specialties: work with minors adds the criminal-record certificate.
    documents: purposesFor(specialtyNames).map((purpose) => ({
      purpose,
      purposeLabel: documentPurposes[purpose].label,
      missing: missingRequirements(purpose, documentTypes).map((requirement) => ({
        label: requirement.label,
        uploadHref: `/lk/documents/upload?type=${requirement.anyOf[0] ?? ""}`,
      })),
    })),
  };
}
