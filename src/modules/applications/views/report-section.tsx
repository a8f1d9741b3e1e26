// The report on professional activity (§6.4) with its PDF, and the switch «Согласование отчёта с
// руководителем» (§5): send it to the head, or say why it goes without agreement.
import { fieldId, TextField } from "../../../ui/form.tsx";
import { errorOf, type SectionProps, Select } from "./fields.tsx";
import { Slot } from "./slots-section.tsx";

export function ReportSection(props: SectionProps) {
  const { view, csrfToken, errors, values } = props;
  if (!view.periodic) return null;
  const report = { ...view.report, ...values };
  const reportSlot = view.slots.find((slot) => slot.id === "report");
  const readOnly = !view.editable;
  return (
    <section class="card" id={fieldId("report")} aria-labelledby="report-title">
      <h2 id="report-title">Отчёт о профессиональной деятельности</h2>
      {readOnly ? (
        <dl class="facts">
          <dt>Место работы</dt>
          <dd>{report.workplace || "—"}</dd>
          <dt>Должность</dt>
          <dd>{report.position || "—"}</dd>
          <dt>Период</dt>
          <dd>
            {report.periodFrom && report.periodTo
              ? `${report.periodFrom.split("-").reverse().join(".")} — ${report.periodTo.split("-").reverse().join(".")}`
              : "—"}
          </dd>
          <dt>Описание деятельности</dt>
          <dd class="break-word">{report.summary || "—"}</dd>
        </dl>
      ) : (
        <form method="post" action={`/lk/applications/${view.id}/report`}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <TextField
            name="workplace"
            label="Место работы"
            value={report.workplace}
            error={errorOf(errors, "workplace")}
          />
          <TextField
            name="position"
            label="Должность"
            value={report.position}
            error={errorOf(errors, "position")}
          />
          <TextField
            name="periodFrom"
            label="Начало отчётного периода"
            type="date"
            value={report.periodFrom}
            error={errorOf(errors, "periodFrom")}
          />
          <TextField
            name="periodTo"
            label="Конец отчётного периода"
            type="date"
            value={report.periodTo}
            error={errorOf(errors, "periodTo")}
          />
          <div class={errorOf(errors, "summary") ? "field field--error" : "field"}>
            <label for={fieldId("summary")}>Описание профессиональной деятельности</label>
            {errorOf(errors, "summary") && <p class="field__error">{errorOf(errors, "summary")}</p>}
            <textarea id={fieldId("summary")} name="summary" rows={6} maxLength={5000}>
              {report.summary}
            </textarea>
          </div>
          <button type="submit" class="button button--secondary">
            Сохранить отчёт
          </button>
        </form>
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
      </div>
    );
  }
  return (
    <form method="post" action={`/lk/applications/${view.id}/agreement`} id={fieldId("agreement")}>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <fieldset class={errorOf(errors, "agreementMode") ? "field field--error choices" : "field choices"}>
        <legend>Согласование отчёта с руководителем</legend>
        {errorOf(errors, "agreementMode") && <p class="field__error">{errorOf(errors, "agreementMode")}</p>}
        {agreement.modes.map((mode, index) => (
          <label class="choice" key={mode.value}>
            <input
              type="radio"
              name="agreementMode"
              value={mode.value}
              id={index === 0 ? fieldId("agreementMode") : undefined}
              checked={agreement.mode === mode.value}
            />
            {mode.label}
          </label>
        ))}
      </fieldset>
      {agreement.organizations.length > 0 ? (
        <Select
          name="organizationId"
          label="Организация, руководитель которой согласует отчёт"
          options={agreement.organizations}
          value={agreement.organizationId}
          error={errorOf(errors, "organizationId")}
          placeholder="— выберите —"
        />
      ) : (
        <p class="muted">В реестре нет ваших действующих мест работы в организациях, подключённых к ФРМР.</p>
      )}
      <button type="submit" class="button button--secondary">
        Сохранить
      </button>
    </form>
  );
}
