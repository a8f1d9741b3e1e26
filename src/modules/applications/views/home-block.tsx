// The application status block of the worker's home page (W4, W10): open applications first, what
// they wait for, and how many notices are unread.
import { counted, nouns } from "../../../shared/plural.ts";
import { kindDefinitions } from "../applications.kinds.ts";
import type { ApplicationRow } from "../applications.repository.ts";
import { type ApplicationStatus, isFinal } from "../applications.status.ts";
import { StatusBadge } from "./components.tsx";

const waitingFor: Partial<Record<ApplicationStatus, string>> = {
  draft: "заполните и отправьте",
  agreed: "отчёт согласован — можно отправлять",
  agreement_refused: "руководитель отказал в согласовании — исправьте отчёт или отправьте с отказом",
  documents_requested: "комиссия запросила документы — представьте их",
  approved: "выписка доступна",
};

export interface ApplicationsSummary {
  items: { href: string; title: string; status: ApplicationStatus; hint: string | undefined }[];
  more: number;
  unreadNotices: number;
}

const SHOWN = 5;

export function buildApplicationsSummary(
  applications: readonly ApplicationRow[],
  unreadNotices: number,
): ApplicationsSummary {
  const ordered = [...applications].sort((a, b) => Number(isFinal(a.status)) - Number(isFinal(b.status)));
  return {
    items: ordered.slice(0, SHOWN).map((application) => ({
      href: `/lk/applications/${application.id}`,
      title: `№ ${application.number}, ${kindDefinitions[application.kind].label.toLowerCase()}, ${application.specialtyName}`,
      status: application.status,
      hint: waitingFor[application.status],
    })),
    more: Math.max(0, ordered.length - SHOWN),
    unreadNotices,
  };
}

export function ApplicationsBlock({ summary }: { summary: ApplicationsSummary }) {
  return (
    <section class="card" aria-labelledby="applications-title">
      <h2 id="applications-title">Мои заявки</h2>
      {summary.unreadNotices > 0 && (
        <p>
          <a href="/lk/notices">{counted(summary.unreadNotices, nouns.notice)}</a>
        </p>
      )}
      {summary.items.length === 0 ? (
        <p>Заявлений пока нет.</p>
      ) : (
        <ul class="plain-list">
          {summary.items.map((item) => (
            <li key={item.href}>
              <a href={item.href}>{item.title}</a> <StatusBadge status={item.status} />
              {item.hint && <span class="muted"> — {item.hint}</span>}
            </li>
          ))}
        </ul>
      )}
      <p class="inline-actions">
        <a href="/lk/applications">Все заявки{summary.more > 0 ? ` (ещё ${summary.more})` : ""}</a>
        <a href="/lk/applications/new">Новая заявка</a>
      </p>
    </section>
  );
}
