// The application status block of the worker's home page (W4, W10): open applications first, for
// each what happens now and what to do, one piece of advice that follows the applications' states,
// and how many notices are unread.
import { counted, nouns } from "../../../shared/plural.ts";
import { kindDefinitions } from "../applications.kinds.ts";
import type { ApplicationRow } from "../applications.repository.ts";
import { type ApplicationStatus, isFinal } from "../applications.status.ts";
import { StatusBadge } from "./components.tsx";
import { type StepKey, stepHref } from "./steps.ts";

/** For every status: what it means for the worker now, and the step where they act on it. */
const nextStep: Record<ApplicationStatus, { hint: string; step: StepKey; yourMove: boolean }> = {
  draft: { hint: "черновик: заполните шаги и отправьте заявку", step: "check", yourMove: true },
  awaiting_head: {
    hint: "отчёт у руководителя на согласовании: дождитесь его решения, придёт уведомление",
    step: "check",
    yourMove: false,
  },
  agreed: {
    hint: "руководитель согласовал отчёт: проверьте и отправьте заявку",
    step: "check",
    yourMove: true,
  },
  agreement_refused: {
    hint: "руководитель не согласовал отчёт: исправьте отчёт или отправьте заявку с отказом",
    step: "check",
    yourMove: true,
  },
  submitted: {
    hint: "заявка подана: комиссия проверит документы, о решении придёт уведомление",
    step: "kind",
    yourMove: false,
  },
  under_review: {
    hint: "комиссия рассматривает заявку: ничего делать не нужно, о решении придёт уведомление",
    step: "kind",
    yourMove: false,
  },
  documents_requested: {
    hint: "комиссия запросила документы: представьте их в заявке",
    step: "kind",
    yourMove: true,
  },
  with_commission: {
    hint: "заявка в аккредитационной комиссии: о решении придёт уведомление",
    step: "kind",
    yourMove: false,
  },
  approved: { hint: "аккредитация пройдена: выписка доступна в заявке", step: "kind", yourMove: false },
  rejected: { hint: "заявка отклонена: причина указана в заявке", step: "kind", yourMove: false },
  withdrawn: { hint: "заявка отозвана", step: "kind", yourMove: false },
};

export interface ApplicationsSummary {
  items: { href: string; title: string; status: ApplicationStatus; hint: string }[];
  more: number;
  unreadNotices: number;
  /** The one thing to do now, or what is going on when there is nothing to do. */
  advice: { text: string; href: string; label: string } | { text: string };
}

const SHOWN = 5;

export function buildApplicationsSummary(
  applications: readonly ApplicationRow[],
  unreadNotices: number,
): ApplicationsSummary {
  const ordered = [...applications].sort((a, b) => Number(isFinal(a.status)) - Number(isFinal(b.status)));
  const hrefOf = (application: ApplicationRow) => stepHref(application.id, nextStep[application.status].step);
  return {
    items: ordered.slice(0, SHOWN).map((application) => ({
      href: hrefOf(application),
      title: `№ ${application.number}, ${kindDefinitions[application.kind].label.toLowerCase()}, ${application.specialtyName}`,
      status: application.status,
      hint: nextStep[application.status].hint,
    })),
    more: Math.max(0, ordered.length - SHOWN),
    unreadNotices,
    advice: adviceFor(ordered, hrefOf),
  };
}

function adviceFor(
  applications: readonly ApplicationRow[],
  hrefOf: (application: ApplicationRow) => string,
): ApplicationsSummary["advice"] {
  const yours = applications.find((application) => nextStep[application.status].yourMove);
  if (yours) {
    return {
      text: `Заявка № ${yours.number} ждёт ваших действий: ${nextStep[yours.status].hint}.`,
      href: hrefOf(yours),
      label: `Открыть заявку № ${yours.number}`,
    };
  }
  const open = applications.filter((application) => !isFinal(application.status));
  if (open.length > 0) {
    return {
      text:
        open.length === 1
          ? `Заявка № ${open[0]?.number} в работе, от вас ничего не требуется. О каждом решении придёт уведомление.`
          : `${counted(open.length, nouns.application)} в работе, от вас ничего не требуется. О каждом решении придёт уведомление.`,
    };
  }
  return {
    text: "Чтобы пройти аккредитацию, создайте заявку: её можно заполнять по шагам и отправить, когда всё готово.",
    href: "/lk/applications/new",
    label: "Создать заявку",
  };
}

export function ApplicationsBlock({ summary }: { summary: ApplicationsSummary }) {
  return (
    <section class="card" aria-labelledby="applications-title">
      <h2 id="applications-title">Мои заявки</h2>
      <p class="home-advice">
        {summary.advice.text}
        {"href" in summary.advice && (
          <>
            {" "}
            <a href={summary.advice.href}>{summary.advice.label}</a>
          </>
        )}
      </p>
      {summary.unreadNotices > 0 && (
        <p>
          <a href="/lk/notices">{counted(summary.unreadNotices, nouns.notice)}</a>
        </p>
      )}
      {summary.items.length > 0 && (
        <ul class="plain-list">
          {summary.items.map((item) => (
            <li key={item.href}>
              <a href={item.href}>{item.title}</a> <StatusBadge status={item.status} />
              <span class="muted"> — {item.hint}</span>
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
