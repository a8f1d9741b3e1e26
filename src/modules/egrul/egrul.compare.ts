// What the user entered (or what the ФРМО card says) against ЕГРЮЛ/ЕГРИП (O4): every difference
// becomes its own exact message, naming both values, so that the user knows what to correct.
import { formatDate } from "../../shared/format.ts";
import { type EgrulRecord, registerName } from "./egrul.port.ts";

export interface EnteredRequisites {
  inn?: string | null;
  kpp?: string | null;
  headName?: string | null;
}

export interface Mismatch {
  field: "ogrn" | "inn" | "kpp" | "headName" | "status";
  message: string;
}

/** Names are compared as people read them: case, «ё» and extra spaces do not matter. */
export function sameName(a: string, b: string): boolean {
  const normal = (value: string) =>
    value.toLocaleLowerCase("ru").replace(/ё/g, "е").replace(/\s+/g, " ").trim();
  return normal(a) === normal(b);
}

export function compareWithRegister(entered: EnteredRequisites, record: EgrulRecord): Mismatch[] {
  const register = registerName(record.ogrn);
  const mismatches: Mismatch[] = [];
  if (record.status === "liquidated") {
    const when = record.liquidatedOn ? ` ${formatDate(record.liquidatedOn)}` : "";
    mismatches.push({
      field: "status",
      message: `По данным ${register} ${record.kind === "entrepreneur" ? "деятельность предпринимателя прекращена" : "организация ликвидирована"}${when}.`,
    });
  }
  const inn = entered.inn?.trim();
  if (inn && inn !== record.inn) {
    mismatches.push({
      field: "inn",
      message: `ИНН ${inn} не совпадает с ИНН по данным ${register}: ${record.inn}.`,
    });
  }
  const kpp = entered.kpp?.trim().toUpperCase();
  if (kpp && record.kind === "entrepreneur") {
    mismatches.push({
      field: "kpp",
      message: "У индивидуального предпринимателя нет КПП: оставьте это поле пустым.",
    });
  } else if (kpp && kpp !== record.kpp) {
    mismatches.push({
      field: "kpp",
      message: `КПП ${kpp} не совпадает с КПП по данным ${register}: ${record.kpp ?? "—"}.`,
    });
  }
  const headName = entered.headName?.trim();
  if (headName && !sameName(headName, record.headName)) {
    const who = record.kind === "entrepreneur" ? "индивидуального предпринимателя" : "руководителя";
    mismatches.push({
      field: "headName",
      message: `ФИО ${who} «${headName}» не совпадает с данными ${register}: «${record.headName}».`,
    });
  }
  return mismatches;
}

/** The message when the register has no subject with this ОГРН at all. */
export function notFoundMismatch(ogrn: string): Mismatch {
  const register = registerName(ogrn);
  const what = register === "ЕГРИП" ? "Индивидуальный предприниматель с ОГРНИП" : "Организация с ОГРН";
  return {
    field: "ogrn",
    message: `${what} ${ogrn} не найден${register === "ЕГРИП" ? "" : "а"} в ${register}.`,
  };
}
