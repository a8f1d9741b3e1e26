// Demo personal files for the ESIA stand-in's medical workers, loaded at start with the stand-in
// (src/seed.ts). Matched by СНИЛС: the person is linked to the cabinet user at their first login.
// Dates are relative to the seeding day, so that Иванова's accreditation is always about to expire.
import type { Database } from "../../db/client.ts";
import type { StandinPerson } from "../../esia-standin/model.ts";
import { standinAccounts, standinOrganizations } from "../../esia-standin/seed.ts";
import { demoClinicFrmoOid } from "../organizations/organizations.seed.ts";
import { addDays, addYears, moscowDate } from "./expiry.ts";
import { insertRecord, type NewRecord } from "./record.repository.ts";
import { codeAndName, type DictionaryName, RF_PASSPORT_CODE } from "./register.dictionaries.ts";

export async function seedDemoRegister(db: Database, now: Date): Promise<void> {
  const today = moscowDate(now);
  await db.transaction(async (tx) => {
    for (const record of demoRecords(today)) await insertRecord(tx, record);
  });
}

export function demoRecords(today: string): NewRecord[] {
  return [ivanovaRecord(today), petrovaRecord(today)];
}

/** Иванова: терапевт with a diploma, ординатура, 144 h of ПК, an old certificate, accreditation ending in 60 days. */
function ivanovaRecord(today: string): NewRecord {
  const account = standinAccounts.ivanova;
  const accreditationEnd = addDays(today, 60);
  const accreditationPassed = addYears(accreditationEnd, -5);
  const therapy = spec("76");
  return {
    // The register has no ИНН for her yet: the personal-data page invites her to add it.
    person: { ...personOf(account), inn: null },
    documents: [passportOf(account, { passOrg: "ГУ МВД РОССИИ ПО Г. МОСКВЕ" })],
    addresses: addressesOf(account),
    profEducation: [
      {
        ...level("higher"),
        institutionName: "ФГБОУ ВО «Столичный медицинский университет» Минздрава России",
        beginYear: 2002,
        docSerial: "107724",
        docNumber: "0345678",
        docDate: "2008-06-25",
        ...spec("27"),
        qualificationName: "Врач",
      },
    ],
    postgraduate: [
      {
        educationStageId: "residency",
        educationStageName: codeAndName("educationKinds", "residency").name,
        institutionName: "ФГБОУ ВО «Столичный медицинский университет» Минздрава России",
        beginYear: 2008,
        docSerial: "017718",
        docNumber: "0012345",
        docDate: "2010-08-31",
        ...therapy,
      },
    ],
    extEducation: [
      course(addYears(today, -4), 36, "Актуальные вопросы терапии", "1177", "0456781"),
      course(
        addYears(today, -3),
        72,
        "Заболевания сердечно-сосудистой системы в практике терапевта",
        "1177",
        "0567892",
      ),
      course(addYears(today, -1), 36, "Неотложные состояния в практике терапевта", "7727", "0123455"),
    ].map((row) => ({ ...row, ...therapy })),
    certificates: [
      {
        certSerial: "0177",
        certNumber: "180012345678",
        examDate: "2019-12-16",
        passDate: "2019-12-20",
        endDate: "2024-12-20",
        institutionName: "ФГБОУ ВО «Столичный медицинский университет» Минздрава России",
        ...therapy,
      },
    ],
    accreditation: periodicAccreditation(therapy, {
      regNumber: "7724 012345",
      protocolNumber: "118",
      passed: accreditationPassed,
      end: accreditationEnd,
    }),
    categories: [categoryIn("first", therapy, "110", addYears(today, -2), addYears(today, 3))],
    cards: [
      clinicCard({
        department: "Терапевтическое отделение № 2",
        post: "110",
        type: "main",
        rate: 1,
        begin: "2010-09-01",
      }),
      clinicCard({
        department: "Отделение неотложной медицинской помощи",
        post: "109",
        type: "part-time",
        rate: 0.25,
        begin: "2019-02-01",
      }),
    ],
    awards: [{ nominationName: "Благодарность главного врача", nomNumber: "17-к", nomDate: "2021-06-18" }],
  };
}

/** Петрова: медицинская сестра with a nursing diploma and an accreditation valid for years. */
function petrovaRecord(today: string): NewRecord {
  const account = standinAccounts.petrova;
  const accreditationPassed = addYears(today, -1);
  const nursing = spec("206");
  return {
    person: personOf(account),
    // The register holds a mistyped passport number: the personal-data page shows the mismatch.
    documents: [passportOf(account, { number: "234520" })],
    addresses: addressesOf(account),
    profEducation: [
      {
        ...level("secondary"),
        institutionName: "ГБПОУ «Столичный медицинский колледж № 3»",
        beginYear: 2010,
        docSerial: "117724",
        docNumber: "1234567",
        docDate: "2013-06-28",
        ...nursing,
        qualificationName: "Медицинская сестра",
      },
    ],
    extEducation: [
      {
        ...course(addDays(accreditationPassed, -120), 144, "Сестринское дело в терапии", "7727", "0234566"),
        ...nursing,
      },
    ],
    certificates: [
      {
        certSerial: "0177",
        certNumber: "270098765432",
        passDate: "2018-06-15",
        endDate: "2023-06-15",
        institutionName: "ГБПОУ «Столичный медицинский колледж № 3»",
        ...nursing,
      },
    ],
    accreditation: periodicAccreditation(nursing, {
      regNumber: "7724 054321",
      protocolNumber: "342",
      passed: accreditationPassed,
      end: addYears(accreditationPassed, 5),
    }),
    categories: [categoryIn("second", nursing, "261", addYears(today, -3), addYears(today, 2))],
    cards: [
      clinicCard({
        department: "Терапевтическое отделение № 2",
        post: "261",
        type: "main",
        rate: 1,
        begin: "2013-08-15",
      }),
    ],
  };
}

const isoDate = (ruDate: string): string => ruDate.split(".").reverse().join("-");

function personOf(account: StandinPerson): NewRecord["person"] {
  return {
    snils: account.snils ?? null,
    lastName: account.lastName,
    firstName: account.firstName,
    patronymic: account.middleName ?? null,
    gender: account.gender ?? null,
    birthDate: account.birthDate ? isoDate(account.birthDate) : null,
    inn: account.inn ?? null,
    phone: account.phone ?? null,
    email: account.email ?? null,
  };
}

function passportOf(account: StandinPerson, overrides: { passOrg?: string; number?: string }) {
  const passport = account.documents.find((document) => document.type === "RF_PASSPORT");
  if (!passport) throw new Error(`demo account ${account.lastName} has no passport`);
  const kind = codeAndName("identityDocuments", RF_PASSPORT_CODE);
  return {
    documentId: kind.code,
    documentName: kind.name,
    serial: passport.series ?? null,
    number: overrides.number ?? passport.number,
    passDate: isoDate(passport.issueDate),
    passOrg: overrides.passOrg ?? passport.issuedBy,
    codeOrg: passport.issueId ? `${passport.issueId.slice(0, 3)}-${passport.issueId.slice(3)}` : null,
  };
}

function addressesOf(account: StandinPerson) {
  return account.addresses.map((address) => ({
    addressTypeId: "registration",
    addressTypeName: "Адрес регистрации",
    address: address.addressStr,
  }));
}

/** A dictionary's entry as a row's pair of columns: its code under `idColumn`, its name under `nameColumn`. */
const entryColumns =
  <Id extends string, Name extends string>(dictionary: DictionaryName, idColumn: Id, nameColumn: Name) =>
  (code: string) => {
    const entry = codeAndName(dictionary, code);
    return { [idColumn]: entry.code, [nameColumn]: entry.name } as Record<Id | Name, string>;
  };
const spec = entryColumns("specialties", "specId", "specName");
const post = entryColumns("positions", "postId", "postName");
const level = entryColumns("educationKinds", "levelEducationId", "levelEducation");
const category = entryColumns("qualificationCategories", "qualifyCategoryId", "qualifyCategoryName");
const accreditationKind = entryColumns("accreditationKinds", "accreditationKindId", "accreditationKind");

/** A qualification category in a specialty, held in a post from `beginDate` to `endDate`. */
const categoryIn = (
  code: string,
  specialty: ReturnType<typeof spec>,
  postCode: string,
  beginDate: string,
  endDate: string,
) => ({ ...category(code), beginDate, endDate, ...specialty, ...post(postCode) });

/** A passed periodic accreditation at the federal centre, its record and procedure under one number. */
function periodicAccreditation(
  specialty: ReturnType<typeof spec>,
  at: { regNumber: string; protocolNumber: string; passed: string; end: string },
): NewRecord["accreditation"] {
  return {
    record: { protocolDate: at.passed, protocolNumber: at.protocolNumber, regNumber: at.regNumber },
    procedures: [
      {
        registryNumber: at.regNumber,
        ...accreditationKind("periodic"),
        specId: specialty.specId,
        spec: specialty.specName,
        institution: "Федеральный аккредитационный центр",
        passed: true,
        passDate: at.passed,
        endDate: at.end,
        protocolDate: at.passed,
        protocolNumber: at.protocolNumber,
      },
    ],
  };
}

function course(docDate: string, hoursCount: number, theme: string, docSerial: string, docNumber: string) {
  const kind = codeAndName("educationKinds", "advanced-training");
  return {
    profEducationKindId: kind.code,
    profEducationKindName: kind.name,
    institutionName: "ФГБОУ ДПО «Столичная академия непрерывного профессионального образования»",
    hoursCount,
    theme,
    docSerial,
    docNumber,
    docDate,
  };
}

function clinicCard(card: { department: string; post: string; type: string; rate: number; begin: string }) {
  const positionType = codeAndName("positionTypes", card.type);
  return {
    oid: demoClinicFrmoOid,
    organization: standinOrganizations.clinic.shortName,
    nrPmuDepartId: null,
    nrPmuDepartName: card.department,
    ...post(card.post),
    positionTypeId: positionType.code,
    positionTypeName: positionType.name,
    rate: card.rate,
    beginDate: card.begin,
  };
}
