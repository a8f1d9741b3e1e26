// Synthetic ЕГРЮЛ/ЕГРИП records of the stand-in. Every name, number and address is invented; check
// digits are computed so that the validators accept them. The demo clinic and the other subjects of
// the ESIA stand-in are here with the same identifiers, so that logins and lookups agree.

import type { StandinOrganization } from "../../esia-standin/model.ts";
import { standinOrganizations } from "../../esia-standin/seed.ts";
import { ogrnFrom, orgInnFrom } from "../../esia-standin/seed-ids.ts";
import type { EgrulRecord } from "./egrul.port.ts";

const { clinic, zdorovye, ivanovaBusiness, family, dental } = standinOrganizations;

type OwnFacts = Omit<
  EgrulRecord,
  "kind" | "fullName" | "shortName" | "inn" | "kpp" | "ogrn" | "status" | "liquidatedOn"
>;

/** What the register says of a stand-in organization: its names and numbers as ESIA has them, active. */
const registered = (
  organization: StandinOrganization,
  { registeredOn, ...facts }: OwnFacts & Partial<EgrulRecord>,
): EgrulRecord => ({
  kind: organization.ogrn.length === 15 ? "entrepreneur" : "legal",
  fullName: organization.fullName,
  shortName: organization.shortName,
  inn: organization.inn,
  kpp: organization.kpp ?? null,
  ogrn: organization.ogrn,
  registeredOn,
  status: "active",
  liquidatedOn: null,
  ...facts,
});

export const egrulClinic = registered(clinic, {
  registeredOn: "2002-11-18",
  legalAddress: "125009, г. Москва, вн. тер. г. муниципальный округ Тверской, ул. Тверская, д. 12, стр. 1",
  headName: "Смирнов Алексей Викторович",
  headPosition: "Главный врач",
});

export const egrulZdorovye = registered(zdorovye, {
  registeredOn: "2017-03-02",
  legalAddress: "115191, г. Москва, вн. тер. г. муниципальный округ Донской, ул. Большая Тульская, д. 44",
  headName: "Смирнов Алексей Викторович",
  headPosition: "Генеральный директор",
});

export const egrulIvanovaEntrepreneur = registered(ivanovaBusiness, {
  registeredOn: "2018-04-11",
  legalAddress: "125009, г. Москва, ул. Тверская, д. 7, кв. 12",
  headName: "Иванова Мария Петровна",
  headPosition: null,
});

/** A second medical organization in another region: «a user of another organization» in tests. */
export const egrulRegionalHospital: EgrulRecord = {
  kind: "legal",
  fullName:
    "Государственное автономное учреждение здравоохранения Калужской области «Областная больница № 2»",
  shortName: "ГАУЗ КО «Областная больница № 2»",
  inn: orgInnFrom("402700456"),
  kpp: "402701001",
  ogrn: ogrnFrom("104400045678"),
  registeredOn: "2004-02-09",
  status: "active",
  liquidatedOn: null,
  legalAddress: "248007, Калужская обл., г. Калуга, ул. Вишневского, д. 1",
  headName: "Белова Наталья Сергеевна",
  headPosition: "Главный врач",
};

/** A dental clinic struck off the register: entry must be refused with a page that says why. */
export const egrulLiquidatedDental = registered(dental, {
  fullName: "Общество с ограниченной ответственностью «Стоматология «Улыбка»»",
  registeredOn: "2015-06-23",
  status: "liquidated",
  liquidatedOn: "2024-06-28",
  legalAddress: "123001, г. Москва, ул. Малая Бронная, д. 19",
  headName: "Фёдоров Павел Олегович",
  headPosition: "Генеральный директор",
});

/**
 * The family clinic after a reorganisation: ЕГРЮЛ has its ОГРН with a new ИНН, while ФРМО and
 * Госуслуги still carry the old one, so the cabinet shows the mismatch (O1, O4).
 */
export const egrulFamilyClinic = registered(family, {
  inn: orgInnFrom("773009876"),
  registeredOn: "2019-08-14",
  legalAddress: "119296, г. Москва, Ленинский пр-кт, д. 64, помещ. 2",
  headName: "Громова Елена Васильевна",
  headPosition: "Генеральный директор",
});

export const standinEgrulRecords: readonly EgrulRecord[] = [
  egrulClinic,
  egrulZdorovye,
  egrulIvanovaEntrepreneur,
  egrulRegionalHospital,
  egrulLiquidatedDental,
  egrulFamilyClinic,
];
