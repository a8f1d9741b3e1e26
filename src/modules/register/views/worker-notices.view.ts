// The home page's notices for the worker (W4): rights to practise running out, the consent, and
// differences between the register and ESIA. Pure.
import { formatDate } from "../../../shared/format.ts";
import { expiryOf, expiryWording } from "../expiry.ts";
import type { RegisterSummary } from "../register.service.ts";

export interface WorkerNotice {
  tone: "warning" | "info";
  text: string;
  link?: { href: string; label: string };
}

/** An application in progress for a specialty: the notice of a running-out right points at it. */
export interface OpenApplication {
  specialtyName: string;
  title: string;
  href: string;
}

export function buildWorkerNotices(
  summary: RegisterSummary,
  consent: { grantedAt: Date } | undefined,
  today: string,
  openApplications: readonly OpenApplication[] = [],
): WorkerNotice[] {
  const notices: WorkerNotice[] = [];
  if (!summary.hasRecord) {
    notices.push({
      tone: "warning",
      text: "Вашей записи пока нет в регистре ФРМР. Запись вносит организация, в которой вы работаете: обратитесь в отдел кадров.",
    });
  }
  for (const right of summary.rights) {
    const expiry = expiryOf(right.endDate, today);
    const open = openApplications.find((application) => application.specialtyName === right.specName);
    if (expiry.state === "expiring" && open) {
      // Already applied: no advice to apply again, only where the application stands.
      notices.push({
        tone: "info",
        text: `Срок аккредитации по специальности «${right.specName}» ${expiryWording(expiry)} — ${formatDate(right.endDate)}. ${open.title} на периодическую аккредитацию уже в работе.`,
        link: { href: open.href, label: `Открыть: ${open.title}` },
      });
    } else if (expiry.state === "expiring") {
      notices.push({
        tone: "warning",
        text: `Срок аккредитации по специальности «${right.specName}» ${expiryWording(expiry)} — ${formatDate(right.endDate)}. Подайте заявление на периодическую аккредитацию заранее.`,
        link: { href: "/lk/record#accreditation", label: "Аккредитация в личном деле" },
      });
    } else if (expiry.state === "expired") {
      notices.push({
        tone: "warning",
        text: `Срок аккредитации по специальности «${right.specName}» истёк ${formatDate(right.endDate)}. Чтобы работать по этой специальности, нужно пройти аккредитацию.`,
        link: { href: "/lk/record#accreditation", label: "Аккредитация в личном деле" },
      });
    }
  }
  if (summary.mismatchCount > 0) {
    notices.push({
      tone: "warning",
      text: `Данные в регистре отличаются от Госуслуг (полей: ${summary.mismatchCount}).`,
      link: { href: "/lk/personal", label: "Проверить личные данные" },
    });
  }
  if (consent) {
    notices.push({
      tone: "info",
      text: `Сервис ФРМР подключён ${formatDate(consent.grantedAt)}. Отозвать согласие на обработку персональных данных можно в настройках.`,
      link: { href: "/lk/settings", label: "Настройки" },
    });
  }
  return notices;
}
