// One application in the back office (C1): what was filed, the deadline, and the moves the status
// allows — accept, assign, request documents, hand over to the commission, decide.

import { Fragment } from "preact";
import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { formatSnils } from "../../../shared/identifiers.ts";
import { counted, nouns } from "../../../shared/plural.ts";
import { ActionButton } from "../../../ui/actions.tsx";
import { ErrorSummary, type FieldError, Flash, fieldId, TextField } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { kindDefinitions } from "../../applications/applications.kinds.ts";
import { agreementModeLabels } from "../../applications/applications.policy.ts";
import { signaturePrefix } from "../../applications/approval-decision.ts";
import { History, StatusBadge } from "../../applications/views/components.tsx";
import { SignatureLine } from "../../signatures/views/signing.tsx";
import type { ReviewService } from "../review.service.ts";
import { deadlineText, reviewNavigation } from "./queue-page.tsx";

type Details = NonNullable<Awaited<ReturnType<ReviewService["details"]>>>;

interface Props {
  ctx: PageContext;
  details: Details;
  flash?: string | undefined;
  errors?: readonly FieldError[];
  values?: Record<string, string>;
}

const errorOf = (errors: readonly FieldError[], name: string) =>
  errors.find((error) => error.field === name)?.message;

export function ReviewPage({ ctx, details, flash, errors = [], values = {} }: Props) {
  const { application } = details;
  const base = `/review/applications/${application.id}`;
  const can = (action: string) => details.actions.includes(action as never);
  const deadline = application.stageDueOn ? deadlineText(application.stageDueOn, details.today) : undefined;
  const slots = kindDefinitions[application.kind].slots;
  const facts: [string, string][] = [
    ["Заявитель", details.applicantName],
    ["СНИЛС", details.applicantSnils ? formatSnils(details.applicantSnils) : "—"],
    ["Вид аккредитации", kindDefinitions[application.kind].label],
    ["Специальность", application.specialtyName],
    ["Подана", application.submittedAt ? formatDateTime(application.submittedAt) : "—"],
    ["Срок этапа", application.stageDueOn ? `${formatDate(application.stageDueOn)}, ${deadline?.text}` : "—"],
  ];
  if (application.agreementMode)
    facts.push(["Согласование отчёта", agreementModeLabels[application.agreementMode]]);
  if (application.portfolio)
    facts.push(["Повышение квалификации", counted(application.portfolio.totalHours, nouns.academicHour)]);
  if (details.extractNumber) facts.push(["Выписка", details.extractNumber]);
  return (
    <Layout ctx={ctx} title={`Заявление № ${application.number}`} nav={reviewNavigation}>
      <p>
        <a href="/review">← Очередь заявлений</a>
      </p>
      <h1>
        Заявление № {application.number} <StatusBadge status={application.status} />
        {deadline?.overdue && <span class="badge badge--bad"> Просрочено</span>}
      </h1>
      <Flash message={flash} />
      <ErrorSummary errors={errors} />
      <section class="card">
        <dl class="facts">
          {facts.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
        {details.agreementSignatures.map((signature) => (
          <SignatureLine
            key={signature.id}
            signature={signature}
            prefix={signaturePrefix(signature)}
            downloadBase={`/review/applications/${application.id}/signatures/${signature.id}`}
          />
        ))}
        {application.report && (
          <>
            <h2>Отчёт о профессиональной деятельности</h2>
            <p class="break-word">{application.report.summary}</p>
          </>
        )}
      </section>
      <section class="card" aria-labelledby="documents-title">
        <h2 id="documents-title">Документы заявления</h2>
        <ul>
          {details.attachments.map((item) => (
            <li key={item.id}>
              {slots.find((slot) => slot.id === item.slotId)?.label ?? item.slotId}:{" "}
              <a href={`${base}/documents/${item.documentId}`}>{item.originalName}</a>
            </li>
          ))}
          {details.requested.map((item) => (
            <li key={item.id}>
              Запрошено — {item.label}:{" "}
              {item.documentId ? (
                <a href={`${base}/documents/${item.documentId}`}>представлен</a>
              ) : (
                "не представлен"
              )}
            </li>
          ))}
        </ul>
      </section>

      <section class="card" aria-labelledby="work-title">
        <h2 id="work-title">Работа с заявлением</h2>
        <div class="actions">
          {can("start_review") && (
            <ActionButton
              action={`${base}/start-review`}
              csrfToken={ctx.csrfToken}
              label="Принять к рассмотрению"
            />
          )}
          {can("transfer_to_commission") && (
            <ActionButton action={`${base}/transfer`} csrfToken={ctx.csrfToken} label="Передать в комиссию" />
          )}
        </div>
        <form method="post" action={`${base}/assign`}>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <div class="field">
            <label for={fieldId("assigneeId")}>Ответственный сотрудник</label>
            <select id={fieldId("assigneeId")} name="assigneeId">
              {details.operators.map((operator) => (
                <option
                  value={operator.id}
                  key={operator.id}
                  selected={operator.id === application.assigneeId}
                >
                  {operator.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button--secondary">
            Назначить
          </button>
        </form>
      </section>

      {can("request_documents") && (
        <form method="post" action={`${base}/request-documents`} class="card">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <h2>Запросить дополнительные документы</h2>
          <fieldset
            class={errorOf(errors, "slots") ? "field field--error choices" : "field choices"}
            id={fieldId("slots")}
          >
            <legend>Какие документы представить</legend>
            {errorOf(errors, "slots") && <p class="field__error">{errorOf(errors, "slots")}</p>}
            {slots.map((slot) => (
              <label class="choice" key={slot.id}>
                <input type="checkbox" name="slots" value={slot.id} />
                {slot.label}
              </label>
            ))}
          </fieldset>
          <TextField name="otherLabel" label="Другой документ (если нужен)" value={values.otherLabel} />
          <div class="field">
            <label for={fieldId("comment")}>Комментарий для заявителя</label>
            <textarea id={fieldId("comment")} name="comment" rows={3} maxLength={2000}>
              {values.comment ?? ""}
            </textarea>
          </div>
          <button type="submit" class="button">
            Запросить документы
          </button>
        </form>
      )}

      {can("approve") && (
        <form method="post" action={`${base}/decide`} class="card">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <h2>Решение комиссии</h2>
          <fieldset
            class={errorOf(errors, "decision") ? "field field--error choices" : "field choices"}
            id={fieldId("decision")}
          >
            <legend>Решение</legend>
            {errorOf(errors, "decision") && <p class="field__error">{errorOf(errors, "decision")}</p>}
            <label class="choice">
              <input type="radio" name="decision" value="approve" checked={values.decision === "approve"} />{" "}
              Аккредитация пройдена
            </label>
            <label class="choice">
              <input type="radio" name="decision" value="reject" checked={values.decision === "reject"} />{" "}
              Аккредитация не пройдена
            </label>
          </fieldset>
          <TextField
            name="protocolNumber"
            label="Номер протокола"
            value={values.protocolNumber}
            error={errorOf(errors, "protocolNumber")}
            width="short"
          />
          <TextField
            name="protocolDate"
            label="Дата протокола"
            type="date"
            value={values.protocolDate}
            error={errorOf(errors, "protocolDate")}
          />
          <div class={errorOf(errors, "comment") ? "field field--error" : "field"}>
            <label for={fieldId("decision-comment")}>Комментарий (при отказе — причина)</label>
            {errorOf(errors, "comment") && <p class="field__error">{errorOf(errors, "comment")}</p>}
            <textarea id={fieldId("decision-comment")} name="comment" rows={3} maxLength={2000}>
              {values.comment ?? ""}
            </textarea>
          </div>
          <button type="submit" class="button">
            Принять решение
          </button>
        </form>
      )}
      <History entries={details.history} />
    </Layout>
  );
}
