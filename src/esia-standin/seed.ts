// Synthetic test people and organisations of the stand-in (REQUIREMENTS E7, esia.md §18 "Fixtures").
// Every name, number and address is invented; check digits are computed so validators accept them.
// oids are stable so that tests and the cabinet's own seed can refer to them.
import type { AccountLevel, StandinOrganization, StandinPerson, StandinRole } from "./model.ts";
import { ogrnFrom, orgInnFrom, personInnFrom, snilsFrom } from "./seed-ids.ts";

/** Password of every seeded account (meets the stand-in's own password rules). */
export const SEED_PASSWORD = "Test-1234";

const UPDATED_ON = 1_735_689_600; // 2025-01-01, fixed so that eTags stay stable between runs

const clinic: StandinOrganization = {
  oid: 1_000_000_101,
  type: "LEGAL",
  fullName: "Государственное бюджетное учреждение здравоохранения «Городская поликлиника № 1»",
  shortName: "ГБУЗ «Городская поликлиника № 1»",
  ogrn: ogrnFrom("102770012345"),
  inn: orgInnFrom("770100123"),
  kpp: "770101001",
  leg: "75203",
  isLiquidated: false,
  email: "info@gp1.example.org",
  description: "Медицинская организация, которая есть в реестре ФРМО.",
};

const zdorovye: StandinOrganization = {
  oid: 1_000_000_102,
  type: "LEGAL",
  fullName: "Общество с ограниченной ответственностью «Медицинский центр «Здоровье»»",
  shortName: "ООО «Медицинский центр «Здоровье»»",
  ogrn: ogrnFrom("117774601234"),
  inn: orgInnFrom("772501234"),
  kpp: "772501001",
  leg: "12300",
  isLiquidated: false,
  email: "office@zdorovye.example.org",
  description: "Организация, которой нет в реестре ФРМО: для проверки отказа во входе.",
};

// Two demo cases of the organization login (O1): ЕГРЮЛ lists the family clinic under another ИНН than
// ФРМО and Госуслуги do (a mismatch), and the dental clinic is liquidated. Кузнецова works in both.
const family: StandinOrganization = {
  oid: 1_000_000_104,
  type: "LEGAL",
  fullName: "Общество с ограниченной ответственностью «Клиника семейной медицины»",
  shortName: "ООО «Клиника семейной медицины»",
  ogrn: ogrnFrom("119774603456"),
  inn: orgInnFrom("773003456"),
  kpp: "773001001",
  leg: "12300",
  isLiquidated: false,
  email: "info@family.example.org",
  description:
    "Организация, сведения которой в ФРМО расходятся с ЕГРЮЛ: кабинет открывается с ограничениями.",
};

const dental: StandinOrganization = {
  oid: 1_000_000_105,
  type: "LEGAL",
  fullName: "Общество с ограниченной ответственностью «Стоматология «Улыбка»»",
  shortName: "ООО «Стоматология «Улыбка»»",
  ogrn: ogrnFrom("115774600987"),
  inn: orgInnFrom("771500987"),
  kpp: "771501001",
  leg: "12300",
  isLiquidated: true,
  description:
    "Ликвидированная организация: вход в её кабинет отклоняется со страницей, объясняющей причину.",
};

const ivanovaInn = personInnFrom("7701456123");

const ivanovaBusiness: StandinOrganization = {
  oid: 1_000_000_103,
  type: "BUSINESS",
  fullName: "Индивидуальный предприниматель Иванова Мария Петровна",
  shortName: "ИП Иванова М. П.",
  ogrn: ogrnFrom("31877460012345"),
  inn: ivanovaInn,
  leg: "50102",
  isLiquidated: false,
  description: "Индивидуальный предприниматель (тип BUSINESS, ОГРНИП).",
};

interface PersonInput {
  index: number;
  level: AccountLevel;
  lastName: string;
  firstName: string;
  middleName: string;
  gender: "M" | "F";
  birthDate: string;
  birthPlace: string;
  snils?: string;
  inn?: string;
  phone: string;
  email?: string;
  passport?: { series: string; number: string; issueDate: string; issueId: string; issuedBy: string };
  address?: { zipCode: string; street: string; house: string; flat: string };
  roles?: StandinRole[];
  description: string;
}

const employee = (orgOid: number, extra: Partial<StandinRole> = {}): StandinRole => ({
  orgOid,
  chief: false,
  admin: false,
  active: true,
  hasRightOfSubstitution: false,
  ...extra,
});

const chiefOf = (orgOid: number): StandinRole =>
  employee(orgOid, { chief: true, admin: true, hasRightOfSubstitution: true });

// Element ids are derived from the person's index so that they stay unique and stable.
function person(p: PersonInput): StandinPerson {
  const verified = p.level !== "simplified";
  const base = p.index * 10;
  return {
    oid: 1_000_000_000 + p.index,
    level: p.level,
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    birthDate: p.birthDate,
    birthPlace: p.birthPlace,
    gender: p.gender,
    citizenship: "RUS",
    ...(p.snils === undefined ? {} : { snils: p.snils }),
    ...(p.inn === undefined ? {} : { inn: p.inn }),
    phone: p.phone,
    ...(p.email === undefined ? {} : { email: p.email }),
    contacts: [
      { id: 10_000 + base + 1, type: "MBT", value: p.phone, verified: true },
      ...(p.email === undefined
        ? []
        : [{ id: 10_000 + base + 2, type: "EML" as const, value: p.email, verified: true }]),
    ],
    documents:
      p.passport === undefined
        ? []
        : [{ id: 20_000 + base + 1, type: "RF_PASSPORT", ...p.passport, verified }],
    addresses:
      p.address === undefined
        ? []
        : [
            {
              id: 30_000 + base + 1,
              type: "PRG",
              addressStr: `г. Москва, ${p.address.street}, д. ${p.address.house}, кв. ${p.address.flat}`,
              zipCode: p.address.zipCode,
              region: "Москва",
              city: "Москва",
              street: p.address.street,
              house: p.address.house,
              flat: p.address.flat,
            },
          ],
    roles: p.roles ?? [],
    description: p.description,
    updatedOn: UPDATED_ON,
  };
}

const moscowPassport = (series: string, number: string, issueDate: string) => ({
  series,
  number,
  issueDate,
  issueId: "770001",
  issuedBy: "ГУ МВД России по г. Москве",
});

const ivanova = person({
  index: 1,
  level: "confirmed",
  lastName: "Иванова",
  firstName: "Мария",
  middleName: "Петровна",
  gender: "F",
  birthDate: "14.03.1985",
  birthPlace: "г. Москва",
  snils: snilsFrom("146201007"),
  inn: ivanovaInn,
  phone: "+79001000001",
  email: "maria.ivanova@example.org",
  passport: moscowPassport("4509", "123401", "20.04.2005"),
  address: { zipCode: "125009", street: "ул. Тверская", house: "7", flat: "12" },
  roles: [employee(clinic.oid), chiefOf(ivanovaBusiness.oid)],
  description:
    "Врач-терапевт поликлиники № 1; подтверждённая учётная запись; также индивидуальный предприниматель.",
});

const petrova = person({
  index: 2,
  level: "confirmed",
  lastName: "Петрова",
  firstName: "Анна",
  middleName: "Сергеевна",
  gender: "F",
  birthDate: "02.11.1992",
  birthPlace: "г. Тула",
  snils: snilsFrom("153322018"),
  inn: personInnFrom("7702567234"),
  phone: "+79001000002",
  email: "anna.petrova@example.org",
  passport: moscowPassport("4512", "234502", "15.11.2012"),
  address: { zipCode: "129090", street: "ул. Щепкина", house: "28", flat: "4" },
  roles: [employee(clinic.oid)],
  description: "Медицинская сестра поликлиники № 1; подтверждённая учётная запись.",
});

const sidorov = person({
  index: 3,
  level: "standard",
  lastName: "Сидоров",
  firstName: "Пётр",
  middleName: "Ильич",
  gender: "M",
  birthDate: "21.07.1979",
  birthPlace: "г. Рязань",
  snils: snilsFrom("164403029"),
  inn: personInnFrom("7703678345"),
  phone: "+79001000003",
  email: "petr.sidorov@example.org",
  passport: moscowPassport("4504", "345603", "10.08.2024"),
  address: { zipCode: "115054", street: "ул. Валовая", house: "14", flat: "51" },
  description: "Стандартная, НЕ подтверждённая учётная запись: кабинет должен отказать во входе.",
});

const smirnov = person({
  index: 4,
  level: "confirmed",
  lastName: "Смирнов",
  firstName: "Алексей",
  middleName: "Викторович",
  gender: "M",
  birthDate: "05.01.1970",
  birthPlace: "г. Москва",
  snils: snilsFrom("175504030"),
  inn: personInnFrom("7704789456"),
  phone: "+79001000004",
  email: "aleksey.smirnov@example.org",
  passport: moscowPassport("4515", "456704", "25.01.2015"),
  address: { zipCode: "119034", street: "ул. Пречистенка", house: "10", flat: "3" },
  roles: [chiefOf(clinic.oid), chiefOf(zdorovye.oid)],
  description:
    "Главный врач поликлиники № 1 и руководитель ООО «Медицинский центр «Здоровье»» (его нет в ФРМО).",
});

const kuznetsova = person({
  index: 5,
  level: "confirmed",
  lastName: "Кузнецова",
  firstName: "Ольга",
  middleName: "Игоревна",
  gender: "F",
  birthDate: "30.09.1988",
  birthPlace: "г. Калуга",
  snils: snilsFrom("186605041"),
  inn: personInnFrom("7705890567"),
  phone: "+79001000005",
  email: "olga.kuznetsova@example.org",
  passport: moscowPassport("4508", "567805", "12.10.2008"),
  address: { zipCode: "105005", street: "ул. Бауманская", house: "33", flat: "17" },
  roles: [employee(clinic.oid, { admin: true }), employee(family.oid), employee(dental.oid)],
  description:
    "Специалист отдела кадров поликлиники № 1: сотрудник и администратор профиля, не руководитель; также работает в клинике с расхождениями с ЕГРЮЛ и в ликвидированной стоматологии.",
});

const orlov = person({
  index: 6,
  level: "confirmed",
  lastName: "Орлов",
  firstName: "Дмитрий",
  middleName: "Андреевич",
  gender: "M",
  birthDate: "18.06.1983",
  birthPlace: "г. Ярославль",
  snils: snilsFrom("197706052"),
  inn: personInnFrom("7706901678"),
  phone: "+79001000006",
  email: "dmitry.orlov@example.org",
  passport: moscowPassport("4503", "678906", "01.07.2003"),
  address: { zipCode: "109012", street: "ул. Ильинка", house: "4", flat: "8" },
  description: "Оператор аккредитационной комиссии; подтверждённая учётная запись.",
});

const egorov = person({
  index: 7,
  level: "simplified",
  lastName: "Егоров",
  firstName: "Игорь",
  middleName: "Николаевич",
  gender: "M",
  birthDate: "11.02.1995",
  birthPlace: "г. Тверь",
  phone: "+79001000007",
  description: "Упрощённая учётная запись без СНИЛС, паспорта и электронной почты.",
});

export const standinOrganizations = { clinic, zdorovye, ivanovaBusiness, family, dental } as const;

export const standinAccounts = { ivanova, petrova, sidorov, smirnov, kuznetsova, orlov, egorov } as const;

export const seedPeople: readonly StandinPerson[] = Object.values(standinAccounts);

export const seedOrganizations: readonly StandinOrganization[] = Object.values(standinOrganizations);
