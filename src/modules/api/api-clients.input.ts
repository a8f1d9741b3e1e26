// The back office's registration form: what the operator typed into a client to register, or the
// Russian messages of what is wrong (the same rules as the CLI, from clients.service.ts).
import type { FieldError } from "../../ui/form.tsx";
import type { ApiClientKind } from "./api.schema.ts";
import { type ApiScope, apiClientKinds, isApiScope } from "./api.scopes.ts";
import { kindLabels, scopeLabels } from "./api-clients.labels.ts";
import type { NewClientInput, RegistrationProblem } from "./clients.service.ts";

export interface ClientFormValues {
  name?: string | undefined;
  kind?: string | undefined;
  org?: string | undefined;
  scopes: string[];
}

const MAX_NAME = 200;

export function clientFormValues(body: unknown): ClientFormValues {
  const fields = (body ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value.trim() : undefined);
  const scopes = [fields.scopes].flat().filter((value): value is string => typeof value === "string");
  return { name: text(fields.name), kind: text(fields.kind), org: text(fields.org), scopes };
}

export type ParsedClientForm = { ok: true; input: NewClientInput } | { ok: false; errors: FieldError[] };

/** Checks what the form can check alone; the organization's existence is the service's to check. */
export function parseClientForm(values: ClientFormValues): ParsedClientForm {
  const errors: FieldError[] = [];
  if (!values.name) errors.push({ field: "name", message: "Укажите название системы." });
  else if (values.name.length > MAX_NAME)
    errors.push({ field: "name", message: `Название — не длиннее ${MAX_NAME} символов.` });
  const kind = apiClientKinds.find((known) => known === values.kind);
  if (!kind) errors.push({ field: "kind", message: "Выберите, чья это система." });
  const scopes = values.scopes.filter(isApiScope);
  if (scopes.length === 0 || scopes.length !== values.scopes.length)
    errors.push({ field: "scopes", message: "Отметьте хотя бы одно разрешение." });
  if (kind === "organization" && !values.org)
    errors.push({ field: "org", message: "Укажите OID медицинской организации в ФРМО." });
  if (errors.length > 0 || !kind || !values.name) return { ok: false, errors };
  return {
    ok: true,
    input: {
      kind,
      name: values.name,
      // Another kind acts for no organization: an OID left in the field from a changed choice is dropped.
      organizationOid: kind === "organization" ? values.org : undefined,
      scopes,
    },
  };
}

/** The service's refusal as the field error the operator reads. */
export function registrationError(problem: RegistrationProblem, kind: ApiClientKind): FieldError {
  switch (problem.problem) {
    case "no-scopes":
      return { field: "scopes", message: "Отметьте хотя бы одно разрешение." };
    case "scopes-not-allowed": {
      const names = problem.scopes.map((scope: ApiScope) => `«${scopeLabels[scope]}»`).join(", ");
      return {
        field: "scopes",
        message: `Системе вида «${kindLabels[kind]}» нельзя дать: ${names}. Снимите эти отметки.`,
      };
    }
    case "org-required":
      return { field: "org", message: "Укажите OID медицинской организации в ФРМО." };
    case "org-unknown":
      return {
        field: "org",
        message: "Организация с таким OID не зарегистрирована в кабинете. Проверьте OID по ФРМО.",
      };
    case "org-not-allowed":
      return { field: "org", message: "OID указывают только для системы медицинской организации." };
  }
}
