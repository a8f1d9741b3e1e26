import type { NavItem } from "../../ui/layout.tsx";

/** Sections of the medical worker's cabinet, in menu order. */
export const workerNavigation: readonly NavItem[] = [
  { href: "/lk", label: "Главная" },
  { href: "/lk/documents", label: "Мои документы" },
];
