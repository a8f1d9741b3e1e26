// The report on professional activity (§6.4) with its PDF, and the switch «Согласование отчёта с
// руководителем» (§5): send it to the head, or say why it goes without agreement.

import { formatDate } from "../../../shared/format.ts";
import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { RadioGroup, SelectField, TextAreaField } from "../../../ui/fields.tsx";
import { binder, DateField, errorFor, fieldId, TextField } from "../../../ui/form.tsx";
import { SummaryList } from "../../../ui/summary-list.tsx";
import { SignatureLine } from "../../signatures/views/signing.tsx";
import { signaturePrefix } from "../approval-decision.ts";
import type { SectionProps } from "./fields.tsx";
import { Slot } from "./slots-section.tsx";

export function ReportSection(props: SectionProps) {
  const { view, csrfToken, errors, values } = props;
  if (!view.periodic) return null;
  const report = { ...view.report, ...values };
  const reportSlot = view.slots.find((slot) => slot.id === "report");
  const readOnly = !view.editable;
  const bind = binder({ values: report, errors });
  return (
    <section class="card" id={fieldId("report")} aria-labelledby="report-title">
      <h2 id="report-title">Отчёт о профессиональной деятельности</h2>
      {readOnly ? (
        <SummaryList
          rows={[
            { label: "Место работы", value: report.workplace || "—" },
            { label: "Должность", value: report.position || "—" },
            {
              label: "Период",
              value:
                report.periodFrom && report.periodTo
                  ? `${formatDate(report.periodFrom)} — ${formatDate(report.periodTo)}`
                  : "—",
            },
            { label: "Описание деятельности", value: report.summary || "—", breakWord: true },
          ]}
        />
      ) : (
        <PostForm action={`/lk/applications/${view.id}/report`} csrfToken={csrfToken}>
          <TextField {...bind("workplace")} label="Место работы" />
          <TextField {...bind("position")} label="Должность" />
          <DateField {...bind("periodFrom")} label="Начало отчётного периода" />
          <DateField {...bind("periodTo")} label="Конец отчётного периода" />
          <TextAreaField
            {...bind("summary")}
            label="Описание профессиональной деятельности"
            rows={6}
            maxLength={5000}
          />
          <FormActions label="Сохранить отчёт" variant="secondary" />
        </PostForm>
      )}
      {reportSlot && (
        <ul class="plain-list">
          <Slot slot={reportSlot} {...props} />
        </ul>
      )}
      <AgreementForm {...props} />
    </section>
  );
}

function AgreementForm({ view, csrfToken, errors }: SectionProps) {
  const agreement = view.agreement;
  if (!view.editable) {
    const current = agreement.modes.find((mode) => mode.value === agreement.mode)?.label ?? "не указано";
    return (
      <div id={fieldId("agreement")}>
        <h3>Согласование отчёта с руководителем</h3>
        <p>
          {current}
          {agreement.organizationName ? `: ${agreement.organizationName}` : ""}
        </p>
        {agreement.headComment && <p class="notice">Причина отказа руководителя: {agreement.headComment}</p>}
        {agreement.signature && (
          <SignatureLine signature={agreement.signature} prefix={signaturePrefix(agreement.signature)} />
        )}
      </div>
    );
  }
  return (
    <PostForm
      action={`/lk/applications/${view.id}/agreement`}
      id={fieldId("agreement")}
      csrfToken={csrfToken}
    >
      <RadioGroup
        name="agreementMode"
        legend="Согласование отчёта с руководителем"
        hint="Отчёт согласует руководитель организации, в которой вы работаете, до отправки заявки. Направить отчёт руководителю можно на шаге «Проверка и отправка»."
        options={agreement.modes}
        value={agreement.mode ?? undefined}
        error={errorFor(errors, "agreementMode")}
      />
      {agreement.organizations.length > 0 ? (
        <SelectField
          name="organizationId"
          label="Организация, руководитель которой согласует отчёт"
          options={agreement.organizations}
          value={agreement.organizationId}
          error={errorFor(errors, "organizationId")}
          placeholder="— выберите —"
        />
      ) : (
        <p class="muted">В реестре нет ваших действующих мест работы в организациях, подключённых к ФРМР.</p>
      )}
      <FormActions label="Сохранить" variant="secondary" />
    </PostForm>
  );
}
