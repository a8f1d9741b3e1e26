// «Проверка и отправка»: what still keeps the application from being sent (each item a link to its
// step), why the report waits for the head and what to do about it, and the moves.
import { ActionButton } from "../../../ui/actions.tsx";
import { SignatureLine } from "../../signatures/views/signing.tsx";
import { signaturePrefix } from "../approval-decision.ts";
import type { SectionProps } from "./fields.tsx";
import { problemHref, stepHref } from "./steps.ts";

/** The moves around the head's agreement of the report, in the order the buttons stand. */
const agreementMoves = [
  ["sendToHead", "send-to-head", "Направить отчёт руководителю"],
  ["recall", "recall", "Отозвать отчёт с согласования"],
  ["returnToDraft", "return-to-draft", "Вернуть в черновик для исправлений"],
] as const;

export function CheckStep({ view, csrfToken }: SectionProps) {
  const base = `/lk/applications/${view.id}`;
  const pending = view.can.submit ? view.problems : view.pending;
  return (
    <>
      {pending.length > 0 ? (
        <section class="notice" aria-labelledby="missing-title">
          <h3 id="missing-title">Чтобы отправить заявку, осталось</h3>
          <ul>
            {pending.map((problem) => (
              <li key={problem.field + problem.message}>
                <a href={problemHref(view.id, problem.field)}>{problem.message}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        view.editable && <p class="badge badge--ok">Всё заполнено</p>
      )}
      <HeadAgreement {...{ view, csrfToken, errors: [], values: {} }} />
      <div class="actions" id="moves">
        {agreementMoves.map(
          ([move, path, label]) =>
            view.can[move] && (
              <ActionButton
                key={path}
                action={`${base}/${path}`}
                csrfToken={csrfToken}
                label={label}
                variant="secondary"
              />
            ),
        )}
        {view.can.submit && (
          <a class="button button--large" href={`${base}/submit`}>
            Отправить заявку
          </a>
        )}
        {view.can.withdraw && (
          <a class="button button--danger" href={`${base}/withdraw`}>
            Отозвать заявку
          </a>
        )}
      </div>
      <AfterSubmission {...{ view, csrfToken, errors: [], values: {} }} />
    </>
  );
}

/**
 * Periodic accreditation: the report on professional activity is agreed with the head of the
 * organization the worker works in (§5), so «Отправить заявку» waits for that agreement. Says so
 * plainly for each state, with the way forward.
 */
function HeadAgreement({ view }: SectionProps) {
  if (!view.periodic) return null;
  const reportStep = `${stepHref(view.id, "report")}#field-agreement`;
  const organization = view.agreement.organizationName
    ? `«${view.agreement.organizationName}»`
    : "вашей организации";
  switch (view.status) {
    case "draft":
      if (view.agreement.mode !== "head") return null;
      return (
        <section class="card" aria-labelledby="why-head-title">
          <h3 id="why-head-title">Почему «Отправить заявку» ждёт руководителя</h3>
          <p>
            Отчёт о профессиональной деятельности для периодической аккредитации согласует руководитель
            организации, в которой вы работаете. Поэтому сначала отчёт уходит руководителю {organization}, и
            только после его решения заявку можно отправить в аккредитационную комиссию.
          </p>
          <ol>
            <li>Проверьте, что отчёт заполнен и прикреплён, и нажмите «Направить отчёт руководителю».</li>
            <li>
              Руководитель увидит отчёт в разделе «Одобрение заявок» своего кабинета. О его решении придёт
              уведомление.
            </li>
            <li>
              Когда отчёт согласован, вернитесь сюда и нажмите «Отправить заявку». Если руководитель откажет,
              можно исправить отчёт или отправить заявку с его отказом.
            </li>
          </ol>
          <p>
            Если согласовать отчёт не с кем (вы не работаете, вы сами руководитель или индивидуальный
            предприниматель), <a href={reportStep}>выберите на шаге «Отчёт», почему согласование не нужно</a>.
          </p>
        </section>
      );
    case "awaiting_head":
      return (
        <p class="notice">
          Отчёт на согласовании у руководителя {organization}. Когда он примет решение, придёт уведомление, и
          заявку можно будет отправить. Чтобы исправить отчёт, отзовите его с согласования.
        </p>
      );
    case "agreed":
      return (
        <>
          <p class="notice">Руководитель согласовал отчёт: проверьте заявку и отправьте её.</p>
          <AgreementSignature view={view} />
        </>
      );
    case "agreement_refused":
      return (
        <p class="notice">
          Руководитель не согласовал отчёт
          {view.agreement.headComment ? ` (причина: ${view.agreement.headComment})` : ""}. Вы можете вернуть
          заявку в черновик, исправить отчёт и снова направить его руководителю, или отправить заявку с
          отказом: комиссия увидит причину.
        </p>
      );
    default:
      return null;
  }
}

/** The head's signature under the decision, so that the worker sees it where she submits. */
function AgreementSignature({ view }: Pick<SectionProps, "view">) {
  const signature = view.agreement.signature;
  return signature ? <SignatureLine signature={signature} prefix={signaturePrefix(signature)} /> : null;
}

function AfterSubmission({ view }: SectionProps) {
  const text: Partial<Record<typeof view.status, string>> = {
    submitted: "Заявка отправлена. Комиссия проверит её; о каждом решении придёт уведомление.",
    under_review: "Комиссия рассматривает заявку. О решении или о запросе документов придёт уведомление.",
    documents_requested:
      "Комиссия запросила документы: представьте их на шаге «Вид и специальность», в разделе «Запрошенные комиссией документы».",
    with_commission: "Заявка передана в аккредитационную комиссию. О решении придёт уведомление.",
    approved: "Аккредитация пройдена. Выписка доступна на шаге «Вид и специальность».",
    rejected: "Комиссия отклонила заявку. Причина указана в сведениях о заявке.",
    withdrawn: "Заявка отозвана. При необходимости создайте новую.",
  };
  const shown = text[view.status];
  return shown ? <p>{shown}</p> : null;
}
