// What the back office's queue and review pages of every organization's submission take (a licence
// to check, a request to decide): the submission comes with the name of its organization.
import type { FieldError } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { Column } from "../../../ui/table.tsx";
import type { OrganizationFileRow } from "../../organizations/activation.repository.ts";

export interface QueuePageProps<Entry> {
  ctx: PageContext;
  entries: readonly Entry[];
  flash?: string | undefined;
}

export interface ReviewPageProps<Entry> {
  ctx: PageContext;
  entry: Entry;
  files: readonly OrganizationFileRow[];
  values: Record<string, string | undefined>;
  errors: readonly FieldError[];
}

/** The queue's first column: whose submission it is. */
export const organizationColumn: Column<{ organizationName: string }> = {
  label: "Организация",
  cell: (entry) => entry.organizationName,
};
