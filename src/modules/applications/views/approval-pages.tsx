import { formatDate, formatDateTime, fullName } from "../../../shared/format.ts";
import { counted, nouns } from "../../../shared/plural.ts";
import { ActionButton, PostForm } from "../../../ui/actions.tsx";
import { ErrorSummary, type FieldError } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import { SummaryList } from "../../../ui/summary-list.tsx";
import { TableRegion } from "../../../ui/table.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import type { SignatureRow } from "../../signatures/signatures.repository.ts";
import { SignatureLine } from "../../signatures/views/signing.tsx";
import { kindDefinitions } from "../applications.kinds.ts";
import { signaturePrefix } from "../approval-decision.ts";
import type { ApprovalItem } from "../approvals.repository.ts";
import type { ApprovalsService } from "../approvals.service.ts";
import { CommentField, History, StatusBadge } from "./components.tsx";

type Frame = { ctx: PageContext; actor: CabinetActor; flash?: string | undefined };

export function ApprovalsPage({ ctx, actor, flash, items }: Frame & { items: ApprovalItem[] }) {
  return (
    <CabinetPage ctx={ctx} actor={actor} title="Одобрение заявок" flash={flash}>
      <h1>Одобрение заявок</h1>
      <p class="lead">
        Отчёты о профессиональной деятельности сотрудников, направленные вам на согласование для периодической
        аккредитации.
      </p>
      {items.length === 0 ? (
        <p>Заявок на согласование нет.</p>
      ) : (
        <TableRegion label="Заявки сотрудников">
          <table>
            <caption class="visually-hidden">Заявки сотрудников, ожидающие согласования — сверху</caption>
            <thead>
              <tr>
                <th scope="col">Заявка</th>
                <th scope="col">Сотрудник</th>
                <th scope="col">Специальность</th>
                <th scope="col">Статус</th>
                <th scope="col">Изменена</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <a href={`/org/approvals/${item.id}`}>№ {item.number}</a>
                  </td>
                  <td>{fullName(item.applicant)}</td>
                  <td>{item.specialtyName}</td>
                  <td>
                    <StatusBadge status={item.status} />
                  </td>
                  <td>{formatDateTime(item.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </CabinetPage>
  );
}

type Details = NonNullable<Awaited<ReturnType<ApprovalsService["details"]>>>;

export function ApprovalPage(
  props: Frame & {
    details: Details;
    errors?: readonly FieldError[];
    reason?: string;
    signatures?: readonly SignatureRow[];
  },
) {
  const { ctx, actor, details, errors = [] } = props;
  const { application } = details;
  const report = application.report;
  const base = `/org/approvals/${application.id}`;
  const rows: [string, string][] = [
    ["Сотрудник", details.applicantName],
    ["Вид аккредитации", kindDefinitions[application.kind].label],
    ["Специальность", application.specialtyName],
    ["Место работы", report?.workplace ?? "—"],
    ["Должность", report?.position ?? "—"],
    ["Отчётный период", report ? `${formatDate(report.periodFrom)} — ${formatDate(report.periodTo)}` : "—"],
  ];
  return (
    <CabinetPage ctx={ctx} actor={actor} title={`Заявка № ${application.number}`} flash={props.flash}>
      <p>
        <a href="/org/approvals">← Одобрение заявок</a>
      </p>
      <h1>
        Заявка № {application.number} <StatusBadge status={application.status} />
      </h1>
      <ErrorSummary errors={errors} />
      <section class="card" aria-labelledby="report-title">
        <h2 id="report-title">Отчёт о профессиональной деятельности</h2>
        <SummaryList
          rows={[
            ...rows.map(([label, value]) => ({ label, value })),
            { label: "Описание деятельности", value: report?.summary ?? "—", breakWord: true },
            details.portfolio && {
              label: "Повышение квалификации за период",
              value: counted(details.portfolio.totalHours, nouns.academicHour),
            },
          ]}
        />
        {details.report && (
          <p>
            <a href={`${base}/report`}>Открыть отчёт (PDF): {details.report.originalName}</a>
          </p>
        )}
      </section>
      {(props.signatures ?? []).length > 0 && (
        <section class="card" aria-labelledby="signatures-title">
          <h2 id="signatures-title">Подписанные решения</h2>
          {(props.signatures ?? []).map((signature) => (
            <SignatureLine
              key={signature.id}
              signature={signature}
              prefix={signaturePrefix(signature)}
              downloadBase={`${base}/signatures/${signature.id}`}
            />
          ))}
        </section>
      )}
      {details.actions.length > 0 && (
        <section class="card" aria-labelledby="decision-title">
          <h2 id="decision-title">Решение руководителя</h2>
          <p>
            Решение принимается, когда вы подпишете его квалифицированной электронной подписью: после выбора
            откроется страница подписания.
          </p>
          <div class="actions">
            <ActionButton
              action={`${base}/agree`}
              csrfToken={ctx.csrfToken}
              label="Согласовать и подписать"
            />
          </div>
          <PostForm action={`${base}/refuse`} csrfToken={ctx.csrfToken}>
            <CommentField
              name="reason"
              label="Причина отказа в согласовании"
              hint="Сотрудник увидит её; он сможет подать заявку с мотивированным отказом."
              value={props.reason}
              error={errors[0]?.message}
            />
            <button type="submit" class="button button--danger">
              Отказать и подписать
            </button>
          </PostForm>
        </section>
      )}
      <History entries={details.history} />
    </CabinetPage>
  );
}
