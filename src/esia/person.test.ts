import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mapEsiaPerson, mapEsiaRoles } from "./person.ts";

// Shapes from domain/esia.md §11.3–§11.7, synthetic values.
const person = {
  stateFacts: ["EntityRoot"],
  firstName: "Иван",
  lastName: "Петров",
  middleName: "Сергеевич",
  birthDate: "01.02.1990",
  gender: "M",
  trusted: true,
  snils: "123-456-789 01",
  inn: "771234567890",
  contacts: {
    stateFacts: ["hasSize"],
    size: 5,
    elements: [
      { id: 101, type: "EML", vrfStu: "VERIFIED", value: "ivan.petrov@example.org" },
      { id: 102, type: "MBT", vrfStu: "NOT_VERIFIED", value: "+7(900)0000001" },
      { id: 103, type: "PHN", vrfStu: "NOT_VERIFIED", value: "+7(495)0000001" },
      { id: 104, type: "CEM", vrfStu: "NOT_VERIFIED", value: "petrov@clinic.example" },
      { id: 105, type: "XYZ", value: "unknown kind" },
    ],
  },
  documents: {
    elements: [
      {
        id: 2001,
        type: "RF_PASSPORT",
        vrfStu: "VERIFIED",
        series: "4500",
        number: "123456",
        issueDate: "15.03.2010",
        issueId: "770001",
        issuedBy: "ОВД района Примерный",
      },
      { id: 2002, type: "MDCL_PLCY", vrfStu: "NOT_VERIFIED", number: "7700000000000000" },
    ],
  },
  addresses: {
    elements: [
      { id: 301, type: "PRG", addressStr: "г Москва, ул Тверская", zipCode: "125009" },
      { id: 302, type: "PLV", zipCode: "125009", city: "Москва", street: "Тверская", house: "1" },
      { id: 303, type: "OTHER", addressStr: "ignored" },
    ],
  },
};

describe("mapEsiaPerson", () => {
  it("maps the person with its embedded collections", () => {
    const mapped = mapEsiaPerson("1000000001", person);
    assert.ok(mapped.ok);
    assert.deepEqual(mapped.value, {
      oid: "1000000001",
      lastName: "Петров",
      firstName: "Иван",
      middleName: "Сергеевич",
      birthDate: "1990-02-01",
      gender: "M",
      snils: "12345678901",
      inn: "771234567890",
      trusted: true,
      contacts: [
        { type: "email", value: "ivan.petrov@example.org", verified: true },
        { type: "mobile", value: "+7(900)0000001", verified: false },
        { type: "phone", value: "+7(495)0000001", verified: false },
        { type: "email", value: "petrov@clinic.example", verified: false },
      ],
      documents: [
        {
          type: "RF_PASSPORT",
          series: "4500",
          number: "123456",
          issueDate: "2010-03-15",
          issuedBy: "ОВД района Примерный",
          divisionCode: "770-001",
          verified: true,
        },
        {
          type: "MDCL_PLCY",
          series: undefined,
          number: "7700000000000000",
          issueDate: undefined,
          issuedBy: undefined,
          divisionCode: undefined,
          verified: false,
        },
      ],
      addresses: [
        { type: "registration", text: "г Москва, ул Тверская" },
        { type: "residence", text: "125009, Москва, Тверская, 1" },
      ],
    });
  });

  it("keeps only what a narrow grant returns", () => {
    const mapped = mapEsiaPerson("7", { firstName: "Анна", lastName: "Иванова", trusted: "yes" });
    assert.ok(mapped.ok);
    assert.equal(mapped.value.trusted, false);
    assert.deepEqual(mapped.value.contacts, []);
    assert.equal(mapped.value.birthDate, undefined);
  });

  it("drops malformed dates, SNILS and genders instead of passing them on", () => {
    const mapped = mapEsiaPerson("7", {
      firstName: "Анна",
      lastName: "Иванова",
      birthDate: "31.02.1990",
      snils: "123-45",
      gender: "X",
    });
    assert.ok(mapped.ok);
    assert.equal(mapped.value.birthDate, undefined);
    assert.equal(mapped.value.snils, undefined);
    assert.equal(mapped.value.gender, undefined);
  });

  it("ignores collections delivered as links (no embed)", () => {
    const mapped = mapEsiaPerson("7", {
      firstName: "Анна",
      lastName: "Иванова",
      contacts: { elements: ["https://esia.example/rs/prns/7/ctts/1"] },
    });
    assert.ok(mapped.ok);
    assert.deepEqual(mapped.value.contacts, []);
  });

  it("refuses a person without a name", () => {
    assert.equal(mapEsiaPerson("7", { birthDate: "01.01.1990" }).ok, false);
    assert.equal(mapEsiaPerson("7", "not an object").ok, false);
  });
});

describe("mapEsiaRoles", () => {
  it("maps the roles collection", () => {
    const roles = mapEsiaRoles({
      stateFacts: ["hasSize"],
      size: 2,
      elements: [
        {
          oid: 1000000500,
          prnOid: 1000000001,
          fullName: "Общество с ограниченной ответственностью «Пример»",
          shortName: "ООО «Пример»",
          ogrn: "1027700000000",
          type: "LEGAL",
          chief: true,
          admin: false,
          active: true,
          isLiquidated: false,
        },
        { fullName: "no oid, skipped" },
      ],
    });
    assert.deepEqual(roles, [
      {
        orgOid: "1000000500",
        fullName: "Общество с ограниченной ответственностью «Пример»",
        shortName: "ООО «Пример»",
        ogrn: "1027700000000",
        inn: undefined,
        type: "LEGAL",
        chief: true,
        admin: false,
        active: true,
        liquidated: false,
      },
    ]);
  });

  it("returns no roles for an unexpected body", () => {
    assert.deepEqual(mapEsiaRoles(null), []);
    assert.deepEqual(mapEsiaRoles({ elements: "x" }), []);
  });
});
