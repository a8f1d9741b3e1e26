// How the back office names the kinds of API clients and their scopes (C4): the codes stay in the
// API, a person reads Russian.
import type { ApiClientKind } from "./api.schema.ts";
import type { ApiScope } from "./api.scopes.ts";

export const kindLabels: Record<ApiClientKind, string> = {
  organization: "Медицинская организация",
  authority: "Орган управления здравоохранением",
  insurer: "Страховая медицинская организация",
};

export const kindHints: Record<ApiClientKind, string> = {
  organization: "Кадровая система или МИС клиники: видит и изменяет только своих сотрудников.",
  authority: "Видит всех работников и все организации, ничего не изменяет.",
  insurer: "Видит только статус аккредитации и сведения о работе.",
};

export const scopeLabels: Record<ApiScope, string> = {
  "persons.read": "Сведения о работниках",
  "staff.read": "Сотрудники организаций и лента изменений",
  "staff.write": "Изменение сведений о работе (только своя организация)",
  "accreditations.read": "Статус аккредитации",
  "organizations.read": "Сведения об организациях",
};
