// Demo content of the register of organizations (ФРМО), matching the ESIA stand-in's accounts and the
// ЕГРЮЛ/ЕГРИП stand-in: the clinic of Смирнов and Кузнецова is registered and active; Иванова's
// practice is registered but still has to send its missing data (O6); a regional hospital serves as
// «another organization»; a dental clinic is registered while ЕГРЮЛ already lists it as liquidated,
// which the first synchronisation discovers; a family clinic keeps in ФРМО the ИНН it had before a
// reorganisation, so its cabinet shows the mismatch. Смирнов's second organization deliberately is not here.
import type { DbExecutor } from "../../db/client.ts";
import { standinOrganizations } from "../../esia-standin/seed.ts";
import { compareWithRegister } from "../egrul/egrul.compare.ts";
import type { EgrulRecord } from "../egrul/egrul.port.ts";
import {
  egrulClinic,
  egrulFamilyClinic,
  egrulIvanovaEntrepreneur,
  egrulLiquidatedDental,
  egrulRegionalHospital,
} from "../egrul/egrul.standin-data.ts";
import { cardFromRegister } from "./egrul-sync.ts";
import { ensureOrganization, type NewOrganization } from "./organizations.repository.ts";

export const demoClinicFrmoOid = "1.2.643.5.1.13.13.12.2.77.7973";
export const demoPracticeFrmoOid = "1.2.643.5.1.13.13.12.2.77.8120";
export const demoRegionalHospitalFrmoOid = "1.2.643.5.1.13.13.12.2.40.1102";
export const demoDentalFrmoOid = "1.2.643.5.1.13.13.12.2.77.7044";
export const demoFamilyFrmoOid = "1.2.643.5.1.13.13.12.2.77.8311";

function fromRegister(
  record: EgrulRecord,
  extra: Omit<NewOrganization, "ogrn" | "inn" | "fullName" | "shortName">,
): NewOrganization {
  return {
    ...cardFromRegister(record),
    ogrn: record.ogrn,
    inn: record.inn,
    fullName: record.fullName,
    shortName: record.shortName,
    ...extra,
  };
}

export const demoOrganizations: readonly NewOrganization[] = [
  fromRegister(egrulClinic, {
    frmoOid: demoClinicFrmoOid,
    kind: "Медицинская организация государственной системы здравоохранения",
    activation: "active",
    contactPhone: "+74951000001",
    contactEmail: "info@gp1.example.org",
  }),
  // ФРМО does not yet know the practice's contacts: the cabinet asks for them (O6).
  fromRegister(egrulIvanovaEntrepreneur, {
    frmoOid: demoPracticeFrmoOid,
    kind: "Индивидуальный предприниматель с лицензией на медицинскую или фармацевтическую деятельность",
    activation: "incomplete",
  }),
  fromRegister(egrulRegionalHospital, {
    frmoOid: demoRegionalHospitalFrmoOid,
    kind: "Медицинская организация государственной системы здравоохранения",
    activation: "active",
    contactPhone: "+74842000002",
    contactEmail: "priemnaya@ob2.example.org",
  }),
  // ФРМО still shows the clinic as working; ЕГРЮЛ says otherwise.
  fromRegister(egrulLiquidatedDental, {
    frmoOid: demoDentalFrmoOid,
    kind: "Медицинская организация частной системы здравоохранения",
    activation: "active",
    status: "active",
  }),
  // ФРМО keeps the ИНН the clinic had before its reorganisation; the mismatch blocks the cabinet (O1).
  {
    ...fromRegister(egrulFamilyClinic, {
      frmoOid: demoFamilyFrmoOid,
      kind: "Медицинская организация частной системы здравоохранения",
      activation: "active",
      contactPhone: "+74953000003",
      contactEmail: "info@family.example.org",
    }),
    inn: standinOrganizations.family.inn,
    egrulMismatches: compareWithRegister({ inn: standinOrganizations.family.inn }, egrulFamilyClinic).map(
      (mismatch) => mismatch.message,
    ),
  },
];

/** Adds the demo organizations that are missing; what a demo changed in them stays. */
export async function seedDemoOrganizations(db: DbExecutor): Promise<void> {
  for (const organization of demoOrganizations) await ensureOrganization(db, organization);
}
