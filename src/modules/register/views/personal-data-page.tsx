import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { DigitsField } from "../../../ui/digit-and-contact-fields.tsx";
import { Fieldset, SnilsField } from "../../../ui/fields.tsx";
import { binder, DateField, ErrorSummary, Flash, TextField } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { SummaryList } from "../../../ui/summary-list.tsx";
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
        <SummaryList
          rows={[
            { label: "Электронная почта", value: view.contacts.email ?? "не указана" },
            { label: "Мобильный телефон", value: view.contacts.phone ?? "не указан" },
          ]}
        />
        <p class="muted">
          Контакты изменяются на Госуслугах; куда присылать уведомления, выберите в{" "}
          <a href="/lk/settings">«Настройках»</a>.
        </p>
      </section>

      {view.qualification.length > 0 && (
        <section class="card" aria-labelledby="qualification-title">
          <h2 id="qualification-title">Квалификация</h2>
          <SummaryList rows={view.qualification} />
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
  const { snilsEditable } = view.form;
  const bind = binder(view.form);
  return (
    <section class="card" aria-labelledby="correction-title">
      <h2 id="correction-title">Исправить данные в регистре</h2>
      <p>
        Здесь можно исправить паспортные данные и ИНН{snilsEditable ? ", а также указать СНИЛС" : ""}.
        Фамилию, имя, отчество и дату рождения исправляет отдел кадров вашей организации.
      </p>
      <PostForm action="/lk/personal" csrfToken={ctx.csrfToken}>
        <Fieldset legend="Паспорт гражданина Российской Федерации">
          <DigitsField {...bind("passportSeries")} label="Серия" hint="4 цифры, например 45 09" />
          <DigitsField {...bind("passportNumber")} label="Номер" hint="6 цифр" />
          <DateField {...bind("passportIssueDate")} label="Дата выдачи" />
          <TextField
            {...bind("passportIssuedBy")}
            label="Кем выдан"
            hint="Как написано в паспорте"
            maxLength={250}
          />
          <DigitsField
            {...bind("passportDivisionCode")}
            label="Код подразделения"
            hint="6 цифр, например 770-001"
          />
        </Fieldset>
        <DigitsField
          {...bind("inn")}
          label="ИНН"
          hint="12 цифр; если ИНН нет, оставьте поле пустым"
          maxLength={30}
        />
        {snilsEditable && (
          <SnilsField {...bind("snils")} label="СНИЛС" hint="11 цифр, например 112-233-445 95" />
        )}
        <FormActions label="Сохранить изменения" />
      </PostForm>
    </section>
  );
}
