// Telling an organization something: a notice in its cabinet and, when it gave a contact address, an
// e-mail through the outbox. Both are written in the caller's transaction, so that a notice exists
// exactly when the change that caused it committed; delivery of the e-mail happens later.
import type { DbExecutor } from "../../db/client.ts";
import { sendMessage } from "../notifications/notifications.repository.ts";
import type { OrganizationRow } from "./organizations.repository.ts";
import { insertNotice } from "./security.repository.ts";

export async function notifyOrganization(
  tx: DbExecutor,
  organization: Pick<OrganizationRow, "id" | "contactEmail">,
  notice: { audience: "managers" | "all"; subject: string; text: string; at: Date },
): Promise<void> {
  await insertNotice(tx, {
    organizationId: organization.id,
    audience: notice.audience,
    text: notice.text,
    createdAt: notice.at,
  });
  if (organization.contactEmail) {
    await sendMessage(
      tx,
      {
        userId: null,
        channel: "email",
        to: organization.contactEmail,
        subject: `ФРМР: ${notice.subject}`,
        body: notice.text,
      },
      notice.at,
    );
  }
}
