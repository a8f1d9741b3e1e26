// View model of the cabinet's home page: what blocks the cabinet, where activation stands, the
// notices for this person, and the sections this person may open.

import { formatDate, formatDateTime } from "../../../shared/format.ts";
import type { Power } from "../../access/access.policy.ts";
import { rightLabels } from "../../access/access.rights.ts";
import { roleLabels } from "../../identity/identity.policy.ts";
import type { CabinetActor } from "../cabinet.guard.tsx";
import type { NoticeRow } from "../security.repository.ts";

export interface Section {
  href: string;
  title: string;
  text: string;
}

const sections: readonly (Section & { power: Power | "head" })[] = [
  {
    power: "staff.view",
    href: "/org/staff",
    title: "Сотрудники",
    text: "Кадровые данные, карточки, импорт из файла",
  },
  {
    power: "reports.view",
    href: "/org/reports",
    title: "Отчётность",
    text: "Штат, сроки аккредитации, заявления",
  },
  {
    power: "head",
    href: "/org/approvals",
    title: "Одобрение заявок",
    text: "Согласование отчётов сотрудников",
  },
  {
    power: "applications.submit",
    href: "/org/requests",
    title: "Заявления организации",
    text: "Изменение сведений, филиалы, исправления",
  },
  {
    power: "documents.manage",
    href: "/org/documents",
    title: "Документы",
    text: "Лицензия, устав, приказы и их подписи",
  },
  {
    power: "signatures.manage",
    href: "/org/signatures",
    title: "Электронные подписи",
    text: "Сертификат руководителя для подписания",
  },
  {
    power: "access.manage",
    href: "/org/access",
    title: "Управление пользователями",
    text: "Права сотрудников и сроки",
  },
  {
    power: "representatives.manage",
    href: "/org/representatives",
    title: "Уполномоченные представители",
    text: "Назначение по доверенности",
  },
  { power: "journal.view", href: "/org/journal", title: "Журнал операций", text: "Все действия в кабинете" },
  {
    power: "security.manage",
    href: "/org/security",
    title: "Безопасность",
    text: "Разрешённые сети, подозрительные входы, сеансы",
  },
  {
    power: "organization.edit",
    href: "/org/data",
    title: "Сведения об организации",
    text: "Контакты и руководитель",
  },
  {
    power: "organization.view",
    href: "/org/status",
    title: "Просмотр статуса",
    text: "Состояние кабинета и ваших прав",
  },
  {
    power: "feedback.send",
    href: "/org/feedback",
    title: "Обратная связь",
    text: "Запрос на исправление сведений",
  },
];

export interface OrganizationHomeView {
  title: string;
  roleLine: string;
  standingLines: string[];
  mismatches: readonly string[];
  activation: CabinetActor["organization"]["activation"];
  corrections: readonly string[];
  canEditData: boolean;
  notices: { when: string; text: string }[];
  sections: Section[];
}

export function buildOrganizationHomeView(
  actor: CabinetActor,
  notices: readonly NoticeRow[],
  corrections: readonly string[],
): OrganizationHomeView {
  const standingLines: string[] = [];
  if (actor.representative) {
    standingLines.push(
      `Вы уполномоченный представитель организации по доверенности до ${formatDate(actor.representative.validUntil)}.`,
    );
  } else if (actor.role === "employee" && actor.grantedRights.length > 0) {
    standingLines.push(
      `Ваши права: ${actor.grantedRights.map((right) => rightLabels[right].toLocaleLowerCase("ru")).join("; ")}.`,
    );
  } else if (actor.role === "employee") {
    standingLines.push(
      "Дополнительные права вам пока не выданы: их выдаёт руководитель или уполномоченный представитель.",
    );
  }
  return {
    title: actor.organization.shortName,
    roleLine: `Вы работаете в кабинете организации в роли «${roleLabels[actor.role]}».`,
    standingLines,
    mismatches: actor.organization.egrulMismatches,
    activation: actor.organization.activation,
    corrections,
    canEditData: actor.powers.has("organization.edit"),
    notices: notices.map((notice) => ({ when: formatDateTime(notice.createdAt), text: notice.text })),
    sections: sections
      .filter((section) =>
        section.power === "head" ? actor.role === "head" : actor.powers.has(section.power),
      )
      .map(({ href, title, text }) => ({ href, title, text })),
  };
}
