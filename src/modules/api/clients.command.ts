// `npm run cli -- api-client add --kind organization|authority|insurer [--org <ФРМО OID>] --scopes "…"
// [--name …] [--jwk <file>]`, `api-client suspend|resume <client_id>`, `api-client list`, and
// `api-client operator --snils <СНИЛС>` (the right to manage clients in the back office).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatSnils, isValidSnils, normalizeSnils } from "../../shared/identifiers.ts";
import type { ApiClientKind } from "./api.schema.ts";
import { apiClientKinds, parseScopes } from "./api.scopes.ts";
import type { ApiClientsService } from "./clients.service.ts";

export const apiClientUsage =
  'api-client add --kind organization|authority|insurer [--org <ФРМО OID>] --scopes "persons.read staff.read …" [--name <name>] [--jwk <public JWK file>] | api-client suspend|resume <client_id> | api-client list | api-client operator --snils <СНИЛС>';

export async function runApiClientCommand(
  clients: ApiClientsService,
  args: string[],
  now: Date,
): Promise<{ ok: boolean; lines: string[] }> {
  const usage = { ok: false, lines: [`Usage: ${apiClientUsage}`] };
  const [action, ...rest] = args;
  if (action === "list") {
    const rows = await clients.list();
    return {
      ok: true,
      lines: rows.map(
        (row) =>
          `${row.clientId}\t${row.kind}\t${row.organizationOid ?? "-"}\t${row.scopes.join(" ")}\t${row.suspendedAt ? "suspended" : "active"}\t${row.name}`,
      ),
    };
  }
  if (action === "operator") {
    const [flag, value] = rest;
    const snils = flag === "--snils" && value ? normalizeSnils(value) : undefined;
    if (!snils || !isValidSnils(snils)) return usage;
    const added = await clients.grantOperator(snils, now);
    const shown = formatSnils(snils);
    return {
      ok: true,
      lines: [
        added
          ? `${shown} may now manage API clients at /support-desk/api-clients`
          : `${shown} had the right already`,
        "The person also needs the support desk role: npm run cli -- support add --snils …",
      ],
    };
  }
  if (action === "suspend" || action === "resume") {
    const [clientId] = rest;
    if (!clientId) return usage;
    const done = await clients.setSuspended(clientId, action === "suspend", now);
    return {
      ok: done,
      lines: [
        done ? `${clientId} ${action === "suspend" ? "suspended" : "resumed"}` : `no client ${clientId}`,
      ],
    };
  }
  if (action !== "add") return usage;
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: rest,
      options: {
        kind: { type: "string" },
        org: { type: "string" },
        scopes: { type: "string" },
        name: { type: "string" },
        jwk: { type: "string" },
      },
    }).values as Record<string, string | undefined>;
  } catch {
    return usage;
  }
  const kind = values.kind as ApiClientKind | undefined;
  if (!kind || !apiClientKinds.includes(kind)) return usage;
  const scopes = parseScopes(values.scopes ?? "");
  if (!scopes) return { ok: false, lines: [`unknown scope in "${values.scopes}"`] };
  let publicJwk: Record<string, unknown> | undefined;
  if (values.jwk) {
    try {
      publicJwk = JSON.parse(readFileSync(values.jwk, "utf8")) as Record<string, unknown>;
    } catch {
      return { ok: false, lines: [`cannot read a JWK from ${values.jwk}`] };
    }
    if ("d" in publicJwk) return { ok: false, lines: ["the JWK holds a private key: give the public one"] };
  }
  const outcome = await clients.register({
    kind,
    name: values.name ?? `${kind} client`,
    organizationOid: values.org,
    scopes,
    publicJwk,
  });
  if (!outcome.ok) return { ok: false, lines: [outcome.message] };
  return { ok: true, lines: [`client_id=${outcome.clientId}`, `client_secret=${outcome.clientSecret}`] };
}
