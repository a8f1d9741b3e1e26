// The forms that add education, a specialist certificate and a qualification category to a worker's
// record; a refused one reopens with its values and errors.
import { type FieldError, TextField } from "../../../ui/form.tsx";
import { errorFor, SelectField } from "../../organizations/views/fields.tsx";
import { dictionaries } from "../../register/register.dictionaries.ts";
import type { Input } from "../staff.validation.ts";
import { positionOptions, specialtyOptions } from "./card-fields.tsx";
import type { OpenForm } from "./staff-person-page.tsx";

export function AddRecordForms(props: {
  base: string;
  csrf: string;
  open: OpenForm["form"] | undefined;
  formOf: (form: OpenForm["form"]) => { values: Input; errors: readonly FieldError[] };
}) {
  const education = props.formOf("education");
  const certificate = props.formOf("certificate");
  const category = props.formOf("category");
  return (
    <section class="card" aria-labelledby="add-title">
      <h2 id="add-title">Внести сведения</h2>
      <details class="add-form" open={props.open === "education"}>
        <summary>Образование</summary>
        <form method="post" action={`${props.base}/education`} novalidate>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <SelectField
            name="kind"
            label="Вид образования"
            value={education.values.kind}
            placeholder="Выберите"
            options={dictionaries.educationKinds.entries.map((entry) => ({
              value: entry.code,
              label: entry.name,
            }))}
            error={errorFor(education.errors, "kind")}
          />
          <TextField
            name="institutionName"
            label="Образовательная организация"
            value={education.values.institutionName}
            error={errorFor(education.errors, "institutionName")}
            maxLength={300}
          />
          <SelectField
            name="specId"
            label="Специальность (необязательно)"
            value={education.values.specId}
            placeholder="Не указана"
            options={specialtyOptions}
            error={errorFor(education.errors, "specId")}
          />
          <TextField
            name="docSerial"
            label="Серия документа"
            value={education.values.docSerial}
            maxLength={20}
            width="short"
          />
          <TextField
            name="docNumber"
            label="Номер документа"
            value={education.values.docNumber}
            maxLength={40}
            width="short"
          />
          <TextField
            name="docDate"
            label="Дата выдачи документа"
            type="date"
            value={education.values.docDate}
            error={errorFor(education.errors, "docDate")}
            width="short"
          />
          <TextField
            name="hoursCount"
            label="Часов (для повышения квалификации и переподготовки)"
            value={education.values.hoursCount}
            error={errorFor(education.errors, "hoursCount")}
            inputMode="numeric"
            maxLength={4}
            width="short"
          />
          <TextField
            name="theme"
            label="Тема программы (необязательно)"
            value={education.values.theme}
            maxLength={300}
          />
          <button type="submit" class="button">
            Внести образование
          </button>
        </form>
      </details>
      <details class="add-form" open={props.open === "certificate"}>
        <summary>Сертификат специалиста</summary>
        <form method="post" action={`${props.base}/certificates`} novalidate>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <SelectField
            name="specId"
            label="Специальность"
            value={certificate.values.specId}
            placeholder="Выберите"
            options={specialtyOptions}
            error={errorFor(certificate.errors, "specId")}
          />
          <TextField
            name="certSerial"
            label="Серия"
            value={certificate.values.certSerial}
            maxLength={20}
            width="short"
          />
          <TextField
            name="certNumber"
            label="Номер"
            value={certificate.values.certNumber}
            error={errorFor(certificate.errors, "certNumber")}
            maxLength={40}
            width="short"
          />
          <TextField
            name="passDate"
            label="Дата выдачи"
            type="date"
            value={certificate.values.passDate}
            error={errorFor(certificate.errors, "passDate")}
            width="short"
          />
          <TextField
            name="endDate"
            label="Действует до (если не указать — пять лет с выдачи)"
            type="date"
            value={certificate.values.endDate}
            error={errorFor(certificate.errors, "endDate")}
            width="short"
          />
          <TextField
            name="institutionName"
            label="Кем выдан (необязательно)"
            value={certificate.values.institutionName}
            maxLength={300}
          />
          <button type="submit" class="button">
            Внести сертификат
          </button>
        </form>
      </details>
      <details class="add-form" open={props.open === "category"}>
        <summary>Квалификационная категория</summary>
        <form method="post" action={`${props.base}/categories`} novalidate>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <SelectField
            name="categoryId"
            label="Категория"
            value={category.values.categoryId}
            placeholder="Выберите"
            options={dictionaries.qualificationCategories.entries.map((entry) => ({
              value: entry.code,
              label: entry.name,
            }))}
            error={errorFor(category.errors, "categoryId")}
          />
          <TextField
            name="beginDate"
            label="Дата присвоения"
            type="date"
            value={category.values.beginDate}
            error={errorFor(category.errors, "beginDate")}
            width="short"
          />
          <SelectField
            name="specId"
            label="Специальность (необязательно)"
            value={category.values.specId}
            placeholder="Не указана"
            options={specialtyOptions}
            error={errorFor(category.errors, "specId")}
          />
          <SelectField
            name="postId"
            label="Должность (необязательно)"
            value={category.values.postId}
            placeholder="Не указана"
            options={positionOptions}
          />
          <button type="submit" class="button">
            Внести категорию
          </button>
        </form>
      </details>
    </section>
  );
}
