import { ErrorSummary, Flash, TextField } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { FactRow, PersonalDataView } from "./personal-data.view.ts";

const stateBadges: Record<FactRow["state"], { text: string; className: string } | undefined> = {
  match: { text: "совпадает", className: "badge badge--ok" },
  mismatch: { text: "отличается", className: "badge badge--bad" },
  "missing-in-register": { text: "нет в регистре", className: "badge badge--warn" },
  "missing-in-esia": { text: "нет на Госуслугах", className: "badge" },
  missing: undefined,
};

export function PersonalDataPage(props: {
  ctx: PageContext;
  view: PersonalDataView;
  flash: string | undefined;
}) {
  const { ctx, view } = props;
  return (
    <Layout ctx={ctx} title="Личные данные" nav={workerNavigation}>
      <h1>Личные данные</h1>
      <Flash message={props.flash} />
      <ErrorSummary errors={view.form.errors} />
      {!view.hasRecord && (
        <p class="notice">
          Вашей записи пока нет в регистре ФРМР. Запись вносит организация, в которой вы работаете: обратитесь
          в отдел кадров. Ниже — данные, полученные с Госуслуг.
        </p>
      )}
      {view.mismatchCount > 0 && (
        <p class="notice" role="status">
          Данные в регистре отличаются от Госуслуг в полях: {view.mismatchCount}. Что сделать, написано у
          каждого такого поля.
        </p>
      )}
      {view.groups.map((group, index) => (
        <section class="card" key={group.title} aria-labelledby={`group-${index}`}>
          <h2 id={`group-${index}`}>{group.title}</h2>
          <div class="compare">
            <div class="compare__head" aria-hidden="true">
              <span>Поле</span>
              <span>Госуслуги</span>
              <span>Регистр ФРМР</span>
            </div>
            {group.rows.map((row) => (
              <Comparison row={row} key={row.field} />
            ))}
          </div>
        </section>
      ))}

      <section class="card" aria-labelledby="contacts-title">
        <h2 id="contacts-title">Контакты с Госуслуг</h2>
        <dl class="facts">
          <dt>Электронная почта</dt>
          <dd>{view.contacts.email ?? "не указана"}</dd>
          <dt>Мобильный телефон</dt>
          <dd>{view.contacts.phone ?? "не указан"}</dd>
        </dl>
        <p class="muted">
          Контакты изменяются на Госуслугах; куда присылать уведомления, выберите в{" "}
          <a href="/lk/settings">«Настройках»</a>.
        </p>
      </section>

      {view.qualification.length > 0 && (
        <section class="card" aria-labelledby="qualification-title">
          <h2 id="qualification-title">Квалификация</h2>
          <dl class="facts">
            {view.qualification.map((row) => [
              <dt key={`${row.label}-t`}>{row.label}</dt>,
              <dd key={row.label}>{row.value}</dd>,
            ])}
          </dl>
          <p>
            <a href="/lk/record">Всё личное дело: образование, аккредитация, места работы</a>
          </p>
        </section>
      )}

      {view.hasRecord && <CorrectionForm ctx={ctx} view={view} />}
    </Layout>
  );
}

function Comparison({ row }: { row: FactRow }) {
  const badge = stateBadges[row.state];
  return (
    <div
      class={row.state === "mismatch" ? "compare__row compare__row--mismatch" : "compare__row"}
      id={`fact-${row.field}`}
    >
      <p class="compare__label">
        {row.label} {badge && <span class={badge.className}>{badge.text}</span>}
      </p>
      <p class="compare__value">
        <span class="compare__source">Госуслуги: </span>
        {row.esia}
      </p>
      <p class="compare__value">
        <span class="compare__source">Регистр ФРМР: </span>
        {row.register}
      </p>
      {row.advice && <p class="compare__advice">{row.advice}</p>}
    </div>
  );
}

function CorrectionForm({ ctx, view }: { ctx: PageContext; view: PersonalDataView }) {
  const { values, errors, snilsEditable } = view.form;
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <section class="card" aria-labelledby="correction-title">
      <h2 id="correction-title">Исправить данные в регистре</h2>
      <p>
        Здесь можно исправить паспортные данные и ИНН{snilsEditable ? ", а также указать СНИЛС" : ""}.
        Фамилию, имя, отчество и дату рождения исправляет отдел кадров вашей организации.
      </p>
      <form method="post" action="/lk/personal" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <fieldset class="fieldset">
          <legend>Паспорт гражданина Российской Федерации</legend>
          <TextField
            name="passportSeries"
            label="Серия"
            hint="4 цифры, например 45 09"
            value={values.passportSeries}
            error={errorOf("passportSeries")}
            inputMode="numeric"
            maxLength={20}
            width="short"
          />
          <TextField
            name="passportNumber"
            label="Номер"
            hint="6 цифр"
            value={values.passportNumber}
            error={errorOf("passportNumber")}
            inputMode="numeric"
            maxLength={20}
            width="short"
          />
          <TextField
            name="passportIssueDate"
            label="Дата выдачи"
            type="date"
            value={values.passportIssueDate}
            error={errorOf("passportIssueDate")}
            width="short"
          />
          <TextField
            name="passportIssuedBy"
            label="Кем выдан"
            hint="Как написано в паспорте"
            value={values.passportIssuedBy}
            error={errorOf("passportIssuedBy")}
            maxLength={250}
          />
          <TextField
            name="passportDivisionCode"
            label="Код подразделения"
            hint="6 цифр, например 770-001"
            value={values.passportDivisionCode}
            error={errorOf("passportDivisionCode")}
            inputMode="numeric"
            maxLength={20}
            width="short"
          />
        </fieldset>
        <TextField
          name="inn"
          label="ИНН"
          hint="12 цифр; если ИНН нет, оставьте поле пустым"
          value={values.inn}
          error={errorOf("inn")}
          inputMode="numeric"
          maxLength={30}
          width="short"
        />
        {snilsEditable && (
          <TextField
            name="snils"
            label="СНИЛС"
            hint="11 цифр, например 112-233-445 95"
            value={values.snils}
            error={errorOf("snils")}
            inputMode="numeric"
            maxLength={30}
            width="short"
          />
        )}
        <button type="submit" class="button">
          Сохранить изменения
        </button>
      </form>
    </section>
  );
}
