// The licence form and the status form: normalised values or Russian messages per field.
import type { FieldError } from "../../ui/form.tsx";
import type { LicenceKind, LicencePlace } from "./licences.schema.ts";

/** The form offers this many address blocks; most clinics work at one or two addresses. */
export const PLACE_SLOTS = 3;
const MAX_WORKS = 100;

export const licenceKindLabels: Record<LicenceKind, string> = {
  medical: "Медицинская деятельность",
  pharmaceutical: "Фармацевтическая деятельность",
};

export interface LicenceValue {
  kind: LicenceKind;
  number: string;
  issuedBy: string;
  issuedOn: string;
  validUntil: string | null;
  places: LicencePlace[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string): boolean => ISO_DAY.test(value) && !Number.isNaN(Date.parse(value));
// Numbers of the register of licences («Л041-01137-77/00367011») and older ones («ЛО-77-01-012345»).
const LICENCE_NUMBER = /^[0-9A-Za-zА-ЯЁа-яё][0-9A-Za-zА-ЯЁа-яё\-/. ]{2,59}$/;

const text = (form: Record<string, string | undefined>, name: string): string =>
  (form[name] ?? "").trim().replace(/\s+/g, " ");

export function checkLicence(form: Record<string, string | undefined>, today: string): Checked<LicenceValue> {
  const errors: FieldError[] = [];
  const kind = form.kind === "medical" || form.kind === "pharmaceutical" ? form.kind : undefined;
  if (!kind) errors.push({ field: "kind", message: "Выберите вид деятельности по лицензии." });
  const number = text(form, "number");
  if (!number) errors.push({ field: "number", message: "Укажите номер лицензии." });
  else if (!LICENCE_NUMBER.test(number))
    errors.push({
      field: "number",
      message: "Номер лицензии — буквы, цифры, дефисы и косые черты, как в выписке из реестра лицензий.",
    });
  const issuedBy = text(form, "issuedBy");
  if (issuedBy.length < 3 || issuedBy.length > 300)
    errors.push({ field: "issuedBy", message: "Укажите лицензирующий орган, выдавший лицензию." });
  const issuedOn = text(form, "issuedOn");
  if (!isDay(issuedOn) || issuedOn > today || issuedOn < "1991-01-01")
    errors.push({
      field: "issuedOn",
      message: "Укажите дату предоставления лицензии: не позже сегодняшнего дня.",
    });
  const validUntil = text(form, "validUntil");
  if (validUntil && (!isDay(validUntil) || (isDay(issuedOn) && validUntil <= issuedOn)))
    errors.push({
      field: "validUntil",
      message:
        "Срок действия — дата позже даты предоставления. Если лицензия бессрочная, оставьте поле пустым.",
    });
  const places = readPlaces(form, errors);
  if (errors.length > 0 || !kind) return { ok: false, errors };
  return { ok: true, value: { kind, number, issuedBy, issuedOn, validUntil: validUntil || null, places } };
}

function readPlaces(form: Record<string, string | undefined>, errors: FieldError[]): LicencePlace[] {
  const places: LicencePlace[] = [];
  for (let slot = 1; slot <= PLACE_SLOTS; slot++) {
    const address = text(form, `address${slot}`);
    const works = (form[`works${slot}`] ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim().replace(/\s+/g, " "))
      .filter(Boolean);
    if (!address && works.length === 0) continue;
    if (address.length < 5 || address.length > 500)
      errors.push({ field: `address${slot}`, message: "Укажите адрес места осуществления деятельности." });
    if (works.length === 0)
      errors.push({
        field: `works${slot}`,
        message: "Перечислите работы и услуги по этому адресу, каждую с новой строки.",
      });
    else if (works.length > MAX_WORKS || works.some((work) => work.length > 300))
      errors.push({ field: `works${slot}`, message: `Не больше ${MAX_WORKS} строк по 300 знаков.` });
    places.push({ address, works });
  }
  if (places.length === 0)
    errors.push({
      field: "address1",
      message: "Укажите хотя бы один адрес и работы (услуги), составляющие лицензируемую деятельность.",
    });
  return places;
}

export type StatusAction = "suspend" | "resume" | "terminate";

export interface StatusValue {
  action: StatusAction;
  ground: string | null;
  from: string;
  until: string | null;
}

export function checkStatusChange(
  form: Record<string, string | undefined>,
  today: string,
): Checked<StatusValue> {
  const errors: FieldError[] = [];
  const action = (["suspend", "resume", "terminate"] as const).find((value) => value === form.action);
  if (!action) errors.push({ field: "action", message: "Выберите, что произошло с лицензией." });
  const ground = text(form, "ground");
  if (action !== "resume" && (ground.length < 5 || ground.length > 1000))
    errors.push({
      field: "ground",
      message: "Укажите основание: решение лицензирующего органа или суда, его номер и дату.",
    });
  const from = text(form, "from");
  if (!isDay(from) || from > today)
    errors.push({
      field: "from",
      message: "Укажите дату, с которой действует решение: не позже сегодняшнего дня.",
    });
  const until = text(form, "until");
  if (until && (action !== "suspend" || !isDay(until) || (isDay(from) && until <= from)))
    errors.push({ field: "until", message: "Дата окончания приостановления — позже даты начала." });
  if (errors.length > 0 || !action) return { ok: false, errors };
  return { ok: true, value: { action, ground: ground || null, from, until: until || null } };
}
