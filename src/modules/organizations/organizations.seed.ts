// Demo content of the register of organizations for the ESIA stand-in's accounts: the clinic of
// Смирнов and Кузнецова is registered; Смирнов's second organization deliberately is not.
import type { Database } from "../../db/client.ts";
import { standinOrganizations } from "../../esia-standin/seed.ts";
import { ensureOrganization } from "./organizations.repository.ts";

export const demoClinicFrmoOid = "1.2.643.5.1.13.13.12.2.77.7973";

export async function seedDemoOrganizations(db: Database): Promise<void> {
  const clinic = standinOrganizations.clinic;
  await ensureOrganization(db, {
    frmoOid: demoClinicFrmoOid,
    ogrn: clinic.ogrn,
    inn: clinic.inn,
    kpp: clinic.kpp ?? null,
    fullName: clinic.fullName,
    shortName: clinic.shortName,
    kind: "Медицинская организация государственной системы здравоохранения",
    legalAddress: "г. Москва, ул. Примерная, д. 1",
    headName: "Смирнов Алексей Викторович",
  });
}
