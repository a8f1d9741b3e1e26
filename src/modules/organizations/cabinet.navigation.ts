// The menu of the organization's cabinet (O7): Руководитель sees «Отчётность», «Управление
// пользователями», «Одобрение заявок»; Сотрудник sees «Ввод данных», «Просмотр статуса», «Обратная
// связь», plus the sections his powers open (a representative manages users, a granted right opens
// reports). «Ввод данных» stays in the employee's menu without rights: its page then says whom to
// ask. The server checks every route regardless of the menu.
import type { NavItem } from "../../ui/layout.tsx";
import type { CabinetActor } from "./cabinet.guard.tsx";

export const cabinetSections = {
  home: { href: "/org", label: "Главная" },
  reports: { href: "/org/reports", label: "Отчётность" },
  users: { href: "/org/access", label: "Управление пользователями" },
  approvals: { href: "/org/approvals", label: "Одобрение заявок" },
  dataEntry: { href: "/org/staff", label: "Ввод данных" },
  status: { href: "/org/status", label: "Просмотр статуса" },
  feedback: { href: "/org/feedback", label: "Обратная связь" },
  signatures: { href: "/org/signatures", label: "Электронные подписи" },
  documents: { href: "/org/documents", label: "Документы" },
} as const satisfies Record<string, NavItem>;

export function cabinetNavigation(actor: Pick<CabinetActor, "role" | "powers">): NavItem[] {
  const s = cabinetSections;
  if (actor.role === "head") return [s.home, s.reports, s.users, s.approvals, s.documents, s.signatures];
  return [
    s.home,
    s.dataEntry,
    s.status,
    s.feedback,
    ...(actor.powers.has("access.manage") ? [s.users] : []),
    ...(actor.powers.has("reports.view") ? [s.reports] : []),
    ...(actor.powers.has("documents.manage") ? [s.documents] : []),
  ];
}
