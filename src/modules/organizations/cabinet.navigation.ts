// The menu of the organization's cabinet (O7): Руководитель sees «Сотрудники», «Отчётность»,
// «Управление пользователями», «Одобрение заявок», «Журнал», «Безопасность»; Сотрудник sees «Просмотр
// статуса», «Обратная связь», plus «Ввод данных» and the sections his rights or powers open. Each
// section names the power its page's route guard demands, and the menu shows it only when the actor
// holds that power and the organization's state opens it: the menu and the guard decide from the same
// policy, so a link never leads to a refusal (a test checks each section against its route's guard).
import type { NavItem } from "../../ui/layout.tsx";
import { gateFor, type Power } from "../access/access.policy.ts";
import type { CabinetActor } from "./cabinet.guard.tsx";

interface Section extends NavItem {
  power: Power;
  /** The employee's wording of the same section (O7 names the staff section «Ввод данных» for them). */
  employeeLabel?: string;
}

export const cabinetSections = {
  home: { href: "/org", label: "Главная", power: "organization.view" },
  staff: { href: "/org/staff", label: "Сотрудники", employeeLabel: "Ввод данных", power: "staff.view" },
  reports: { href: "/org/reports", label: "Отчётность", power: "reports.view" },
  users: { href: "/org/access", label: "Управление пользователями", power: "access.manage" },
  approvals: { href: "/org/approvals", label: "Одобрение заявок", power: "applications.approve" },
  status: { href: "/org/status", label: "Просмотр статуса", power: "organization.view" },
  feedback: { href: "/org/feedback", label: "Обратная связь", power: "feedback.send" },
  signatures: { href: "/org/signatures", label: "Электронные подписи", power: "signatures.manage" },
  journal: { href: "/org/journal", label: "Журнал", power: "journal.view" },
  security: { href: "/org/security", label: "Безопасность", power: "security.manage" },
  documents: { href: "/org/documents", label: "Документы", power: "documents.manage" },
} as const satisfies Record<string, Section>;

export type NavigationActor = Pick<CabinetActor, "role" | "powers"> & {
  organization?: Pick<CabinetActor["organization"], "activation" | "egrulMismatches">;
};

/** The sections in the role's order, those the actor may open. */
export function cabinetNavigation(actor: NavigationActor): NavItem[] {
  const s = cabinetSections;
  const order: readonly Section[] =
    actor.role === "head"
      ? [s.home, s.staff, s.reports, s.users, s.approvals, s.documents, s.signatures, s.journal, s.security]
      : [s.home, s.staff, s.status, s.feedback, s.users, s.reports, s.documents, s.journal];
  const { organization } = actor;
  return order
    .filter(
      (section) =>
        actor.powers.has(section.power) && (!organization || gateFor(section.power, organization) === "open"),
    )
    .map((section) => ({
      href: section.href,
      label: actor.role === "head" ? section.label : (section.employeeLabel ?? section.label),
    }));
}
