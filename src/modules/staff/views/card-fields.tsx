// The fields of an employment card and of a person, shared by the add, edit and import pages.
import { type FieldError, TextField } from "../../../ui/form.tsx";
import { ChoiceField, errorFor, SelectField } from "../../organizations/views/fields.tsx";
import { dictionaries } from "../../register/register.dictionaries.ts";
import type { Input } from "../staff.validation.ts";

export const positionOptions = dictionaries.positions.entries.map((entry) => ({
  value: entry.code,
  label: entry.name,
}));
export const specialtyOptions = dictionaries.specialties.entries.map((entry) => ({
  value: entry.code,
  label: entry.name,
}));
const positionTypeOptions = dictionaries.positionTypes.entries.map((entry) => ({
  value: entry.code,
  label: entry.name,
}));

export function CardFields({
  values,
  errors,
  withEndDate,
}: {
  values: Input;
  errors: readonly FieldError[];
  withEndDate?: boolean;
}) {
  return (
    <>
      <SelectField
        name="postId"
        label="Должность"
        hint="Из справочника «Должности медицинских и фармацевтических работников» (НСИ 1.2.643.5.1.13.13.11.1002)."
        value={values.postId}
        placeholder="Выберите должность"
        options={positionOptions}
        error={errorFor(errors, "postId")}
      />
      <TextField
        name="departmentName"
        label="Подразделение (отделение)"
        value={values.departmentName}
        error={errorFor(errors, "departmentName")}
        maxLength={200}
      />
      <TextField
        name="rate"
        label="Ставка"
        hint="От 0,25 до 1,5, например 1 или 0,5."
        value={values.rate}
        error={errorFor(errors, "rate")}
        inputMode="text"
        maxLength={5}
        width="short"
      />
      <ChoiceField
        name="positionTypeId"
        legend="Тип занятия должности"
        type="radio"
        options={positionTypeOptions}
        checked={[values.positionTypeId ?? ""]}
        error={errorFor(errors, "positionTypeId")}
      />
      <TextField
        name="beginDate"
        label="Дата начала работы"
        type="date"
        value={values.beginDate}
        error={errorFor(errors, "beginDate")}
        width="short"
      />
      {withEndDate && (
        <TextField
          name="endDate"
          label="Дата окончания (если известна)"
          type="date"
          value={values.endDate}
          error={errorFor(errors, "endDate")}
          width="short"
        />
      )}
    </>
  );
}

export function PersonFields({ values, errors }: { values: Input; errors: readonly FieldError[] }) {
  return (
    <>
      <TextField
        name="lastName"
        label="Фамилия"
        value={values.lastName}
        error={errorFor(errors, "lastName")}
        maxLength={60}
      />
      <TextField
        name="firstName"
        label="Имя"
        value={values.firstName}
        error={errorFor(errors, "firstName")}
        maxLength={60}
      />
      <TextField
        name="patronymic"
        label="Отчество (при наличии)"
        value={values.patronymic}
        error={errorFor(errors, "patronymic")}
        maxLength={60}
      />
      <TextField
        name="birthDate"
        label="Дата рождения"
        type="date"
        value={values.birthDate}
        error={errorFor(errors, "birthDate")}
        width="short"
      />
      <ChoiceField
        name="gender"
        legend="Пол"
        type="radio"
        options={[
          { value: "M", label: "Мужской" },
          { value: "F", label: "Женский" },
        ]}
        checked={[values.gender ?? ""]}
        error={errorFor(errors, "gender")}
      />
    </>
  );
}
