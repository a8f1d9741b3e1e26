// O13: the organization's optional IP allow-list, the networks and devices its people have entered
// from (to notice a new one), and the notices shown in the cabinet.
import { bigserial, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { generatedId, moment } from "../../shared/table-columns.ts";
import { organizationId, userId, userRef } from "./organization-columns.ts";

/** When an organization has any entry here, its cabinet answers only requests from these networks. */
export const organizationNetworks = pgTable(
  "organization_networks",
  {
    id: generatedId(),
    organizationId: organizationId(),
    /** Normalised CIDR, e.g. `203.0.113.0/24` or `2001:db8::/32`. */
    cidr: text("cidr").notNull(),
    note: text("note"),
    createdBy: userRef("created_by").notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (table) => [uniqueIndex("organization_networks_cidr_idx").on(table.organizationId, table.cidr)],
);

/** A network (IPv4 /24, IPv6 /64) or a device (hash of the browser's signature) seen at entry. */
export const organizationKnownClients = pgTable(
  "organization_known_clients",
  {
    organizationId: organizationId(),
    userId: userId("cascade"),
    kind: text("kind").$type<"network" | "device">().notNull(),
    value: text("value").notNull(),
    firstSeenAt: moment("first_seen_at").notNull(),
  },
  (table) => [
    uniqueIndex("organization_known_clients_idx").on(
      table.organizationId,
      table.userId,
      table.kind,
      table.value,
    ),
  ],
);

/** Messages to the organization's people, shown on the cabinet's home page. */
export const organizationNotices = pgTable(
  "organization_notices",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organizationId: organizationId(),
    /** `managers`: the head and the representatives; `all`: everyone who enters the cabinet. */
    audience: text("audience").$type<"managers" | "all">().notNull(),
    text: text("text").notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (table) => [index("organization_notices_org_idx").on(table.organizationId, table.createdAt)],
);
