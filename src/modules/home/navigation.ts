import type { NavItem } from "../../ui/layout.tsx";

/** Sections of the medical worker's cabinet, in menu order. */
export const workerNavigation: readonly NavItem[] = [
  { href: "/lk", label: "Главная" },
  { href: "/lk/personal", label: "Личные данные" },
  { href: "/lk/record", label: "Личное дело" },
  { href: "/lk/documents", label: "Мои документы" },
  { href: "/lk/applications", label: "Мои заявки" },
  { href: "/lk/notices", label: "Уведомления", notices: true },
  { href: "/lk/support", label: "Мои обращения" },
  { href: "/lk/history", label: "История" },
  { href: "/lk/settings", label: "Настройки" },
  { href: "/help", label: "Помощь" },
];
