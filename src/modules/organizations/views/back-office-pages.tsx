// The back office's organization pages: what waits for an operator (missing data, representatives,
// correction requests), each with its documents and the decision form.
import type { ComponentChildren } from "preact";
import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { formatSnils } from "../../../shared/identifiers.ts";
import { formatPhone } from "../../../shared/phone.ts";
import { Flash } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import type { RepresentativeRow } from "../../access/access.repository.ts";
import { refusalReasons } from "../../access/representatives.service.ts";
import { reviewNavigation } from "../../review/views/queue-page.tsx";
import type { SignatureRow } from "../../signatures/signatures.repository.ts";
import { SignatureLine } from "../../signatures/views/signing.tsx";
import type { CorrectionRequestRow, DataRequestRow, OrganizationFileRow } from "../activation.repository.ts";
import type { PendingWork } from "../back-office.repository.ts";
import { type CorrectableField, correctableFields } from "../corrections.service.ts";
import type { OrganizationRow } from "../organizations.repository.ts";
import { OrganizationCard } from "./organization-card.tsx";

const purposeLabels: Record<string, string> = {
  supporting: "Подтверждающий документ",
  charter: "Устав или решение учредителя",
  identity: "Документ, удостоверяющий личность",
  power_of_attorney: "Доверенность",
};

function BackOfficePage(props: {
  ctx: PageContext;
  title: string;
  flash?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={props.ctx} title={props.title} nav={reviewNavigation}>
      <p>
        <a href="/review/organizations">← Организации</a>
      </p>
      <Flash message={props.flash} />
      {props.children}
    </Layout>
  );
}

export function PendingWorkPage({
  ctx,
  work,
  flash,
}: {
  ctx: PageContext;
  work: PendingWork;
  flash?: string | undefined;
}) {
  return (
    <Layout ctx={ctx} title="Организации" nav={reviewNavigation}>
      <h1>Организации: ждут проверки</h1>
      <Flash message={flash} />
      <section class="card" aria-labelledby="data-title">
        <h2 id="data-title">Сведения для активации кабинета</h2>
        <WorkList
          rows={work.dataRequests.map((row) => ({
            href: `/review/organizations/data/${row.id}`,
            text: `${row.organizationName}, ИНН ${row.inn}`,
            at: row.at,
          }))}
        />
      </section>
      <section class="card" aria-labelledby="representatives-title">
        <h2 id="representatives-title">Полномочия представителей</h2>
        <WorkList
          rows={work.representatives.map((row) => ({
            href: `/review/organizations/representatives/${row.id}`,
            text: `${row.fullName} — ${row.organizationName}`,
            at: row.at,
          }))}
        />
      </section>
      <section class="card" aria-labelledby="corrections-title">
        <h2 id="corrections-title">Запросы на исправление сведений</h2>
        <WorkList
          rows={work.corrections.map((row) => ({
            href: `/review/organizations/corrections/${row.id}`,
            text: `${row.organizationName}: «${correctableFields[row.field as CorrectableField] ?? row.field}»`,
            at: row.at,
          }))}
        />
      </section>
    </Layout>
  );
}

function WorkList({ rows }: { rows: { href: string; text: string; at: Date }[] }) {
  if (rows.length === 0) return <p>Ничего не ждёт проверки.</p>;
  return (
    <ul>
      {rows.map((row) => (
        <li key={row.href}>
          <a href={row.href}>{row.text}</a> <span class="muted">— {formatDateTime(row.at)}</span>
        </li>
      ))}
    </ul>
  );
}

function Files({ files }: { files: OrganizationFileRow[] }) {
  if (files.length === 0) return <p>Файлы не приложены.</p>;
  return (
    <ul>
      {files.map((file) => (
        <li key={file.id}>
          {purposeLabels[file.purpose] ?? file.purpose}:{" "}
          <a href={`/review/organizations/files/${file.id}`}>{file.originalName}</a>
        </li>
      ))}
    </ul>
  );
}

export function DataRequestPage(props: {
  ctx: PageContext;
  organization: OrganizationRow;
  request: DataRequestRow;
  files: OrganizationFileRow[];
}) {
  const { request, ctx } = props;
  const { fields } = request;
  return (
    <BackOfficePage ctx={ctx} title="Сведения организации">
      <h1>Сведения для активации: {props.organization.shortName}</h1>
      <section class="card" aria-labelledby="entered-title">
        <h2 id="entered-title">Что ввела организация ({formatDateTime(request.submittedAt)})</h2>
        <dl class="facts">
          <dt>ИНН / КПП</dt>
          <dd>
            {fields.inn} / {fields.kpp ?? "—"}
          </dd>
          <dt>Руководитель</dt>
          <dd>
            {fields.headName}
            {fields.headPosition ? `, ${fields.headPosition}` : ""}
          </dd>
          <dt>Контакты</dt>
          <dd>
            {formatPhone(fields.contactPhone)}, {fields.contactEmail}
          </dd>
          <dt>Вид организации</dt>
          <dd>{fields.kind}</dd>
        </dl>
        <p class="muted">ИНН, КПП и ФИО руководителя при отправке совпали с ЕГРЮЛ/ЕГРИП.</p>
        <Files files={props.files} />
      </section>
      <OrganizationCard organization={props.organization} backOffice />
      {request.status === "submitted" ? (
        <form method="post" action={`/review/organizations/data/${request.id}/decision`} class="card">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <h2>Решение</h2>
          <div class="field">
            <label for="field-corrections">
              Что исправить (каждый пункт с новой строки; для активации оставьте пустым)
            </label>
            <textarea id="field-corrections" name="corrections" rows={4} maxLength={2000} />
          </div>
          <p class="actions">
            <button type="submit" name="decision" value="approve" class="button">
              Активировать кабинет
            </button>
            <button type="submit" name="decision" value="corrections" class="button button--secondary">
              Вернуть на исправление
            </button>
          </p>
        </form>
      ) : (
        <p class="notice">
          Решение уже принято:{" "}
          {request.status === "approved" ? "кабинет активирован" : request.corrections.join("; ")}.
        </p>
      )}
    </BackOfficePage>
  );
}

export function RepresentativeReviewPage(props: {
  ctx: PageContext;
  organization: OrganizationRow;
  representative: RepresentativeRow;
  files: OrganizationFileRow[];
  /** The head's signatures over the power of attorney. */
  signatures: SignatureRow[];
}) {
  const { representative: row, ctx } = props;
  return (
    <BackOfficePage ctx={ctx} title="Полномочия представителя">
      <h1>Полномочия представителя: {row.fullName}</h1>
      <dl class="facts card">
        <dt>Организация</dt>
        <dd>
          {props.organization.shortName}, ИНН {props.organization.inn}
        </dd>
        <dt>СНИЛС представителя</dt>
        <dd>{formatSnils(row.snils)}</dd>
        <dt>Доверенность</dt>
        <dd>
          № {row.attorneyNumber} (
          {row.attorneyFormat === "xml" ? "машиночитаемая, сведения прочитаны из файла" : "PDF"}), с{" "}
          {formatDate(row.issuedOn)} по {formatDate(row.validUntil)}
          {props.signatures.length === 0 && <p>Электронной подписью руководителя не подписана.</p>}
          {props.signatures.map((signature) => (
            <SignatureLine
              key={signature.id}
              signature={signature}
              downloadBase={`/review/organizations/representatives/${row.id}/signatures/${signature.id}`}
            />
          ))}
        </dd>
        <dt>Руководитель по ЕГРЮЛ</dt>
        <dd>{props.organization.headName ?? "—"}</dd>
      </dl>
      <section class="card" aria-labelledby="files-title">
        <h2 id="files-title">Документы</h2>
        <Files files={props.files} />
      </section>
      {row.status === "pending" ? (
        <form method="post" action={`/review/organizations/representatives/${row.id}/decision`} class="card">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <h2>Решение</h2>
          <fieldset class="field choices">
            <legend>При отказе: чего не хватает или что неверно</legend>
            {refusalReasons.map((reason) => (
              <label class="choice" key={reason}>
                <input type="checkbox" name="reasons" value={reason} />
                {reason}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="field-other">Другое (каждый пункт с новой строки)</label>
            <textarea id="field-other" name="other" rows={3} maxLength={2000} />
          </div>
          <p class="actions">
            <button type="submit" name="decision" value="activate" class="button">
              Подтвердить полномочия
            </button>
            <button type="submit" name="decision" value="refuse" class="button button--secondary">
              Отказать
            </button>
          </p>
        </form>
      ) : (
        <p class="notice">Решение уже принято.</p>
      )}
    </BackOfficePage>
  );
}

export function CorrectionReviewPage(props: {
  ctx: PageContext;
  organization: OrganizationRow;
  request: CorrectionRequestRow;
}) {
  const { request, ctx } = props;
  return (
    <BackOfficePage ctx={ctx} title="Запрос на исправление">
      <h1>Запрос на исправление: {props.organization.shortName}</h1>
      <dl class="facts card">
        <dt>Поле</dt>
        <dd>{correctableFields[request.field as CorrectableField] ?? request.field}</dd>
        <dt>Сейчас в карточке</dt>
        <dd>{request.shownValue ?? "—"}</dd>
        <dt>Как должно быть</dt>
        <dd>{request.proposedValue}</dd>
        <dt>Комментарий</dt>
        <dd>{request.comment ?? "—"}</dd>
        <dt>Отправлен</dt>
        <dd>{formatDateTime(request.createdAt)}</dd>
      </dl>
      {request.status === "new" ? (
        <form method="post" action={`/review/organizations/corrections/${request.id}/answer`} class="card">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <div class="field">
            <label for="field-answer">Ответ организации</label>
            <textarea id="field-answer" name="answer" rows={4} maxLength={2000} required />
          </div>
          <button type="submit" class="button">
            Ответить
          </button>
        </form>
      ) : (
        <p class="notice">Ответ: {request.answer}</p>
      )}
    </BackOfficePage>
  );
}
