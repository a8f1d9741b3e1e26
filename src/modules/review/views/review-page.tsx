// One application in the back office (C1): what was filed, the deadline, and the moves the status
// allows — accept, assign, request documents, hand over to the commission, decide.

import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { formatSnils } from "../../../shared/identifiers.ts";
import { counted, nouns } from "../../../shared/plural.ts";
import { ActionButton, PostForm } from "../../../ui/actions.tsx";
import { CheckboxGroup, RadioGroup, SelectField } from "../../../ui/fields.tsx";
import { binder, ErrorSummary, type FieldError, Flash, fieldId, TextField } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { SummaryList } from "../../../ui/summary-list.tsx";
import { kindDefinitions } from "../../applications/applications.kinds.ts";
import { agreementModeLabels } from "../../applications/applications.policy.ts";
import { signaturePrefix } from "../../applications/approval-decision.ts";
import { CommentField, History, StatusBadge } from "../../applications/views/components.tsx";
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

const decisionOptions = [
  { value: "approve", label: "Аккредитация пройдена" },
  { value: "reject", label: "Аккредитация не пройдена" },
];

export function ReviewPage({ ctx, details, flash, errors = [], values = {} }: Props) {
  const { application } = details;
  const base = `/review/applications/${application.id}`;
  const can = (action: string) => details.actions.includes(action as never);
  const deadline = application.stageDueOn ? deadlineText(application.stageDueOn, details.today) : undefined;
  const slots = kindDefinitions[application.kind].slots;
  const bind = binder({ values, errors });
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
        <SummaryList rows={facts.map(([label, value]) => ({ label, value }))} />
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
        <PostForm action={`${base}/assign`} csrfToken={ctx.csrfToken}>
          <SelectField
            name="assigneeId"
            label="Ответственный сотрудник"
            value={application.assigneeId ?? undefined}
            options={details.operators.map((operator) => ({ value: operator.id, label: operator.name }))}
          />
          <button type="submit" class="button button--secondary">
            Назначить
          </button>
        </PostForm>
      </section>

      {can("request_documents") && (
        <PostForm action={`${base}/request-documents`} csrfToken={ctx.csrfToken} class="card">
          <h2>Запросить дополнительные документы</h2>
          <CheckboxGroup
            name="slots"
            legend="Какие документы представить"
            options={slots.map((slot) => ({ value: slot.id, label: slot.label }))}
            values={[]}
            error={bind("slots").error}
          />
          <TextField name="otherLabel" label="Другой документ (если нужен)" value={values.otherLabel} />
          <CommentField name="comment" label="Комментарий для заявителя" value={values.comment} />
          <button type="submit" class="button">
            Запросить документы
          </button>
        </PostForm>
      )}

      {can("approve") && (
        <PostForm action={`${base}/decide`} csrfToken={ctx.csrfToken} class="card">
          <h2>Решение комиссии</h2>
          <RadioGroup {...bind("decision")} legend="Решение" options={decisionOptions} />
          <TextField {...bind("protocolNumber")} label="Номер протокола" width="short" />
          <TextField {...bind("protocolDate")} label="Дата протокола" type="date" />
          <CommentField
            {...bind("comment")}
            id={fieldId("decision-comment")}
            label="Комментарий (при отказе — причина)"
          />
          <button type="submit" class="button">
            Принять решение
          </button>
        </PostForm>
      )}
      <History entries={details.history} />
    </Layout>
  );
}
