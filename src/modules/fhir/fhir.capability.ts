// The CapabilityStatement at /fhir/metadata: exactly what this server does.
import { supportedParams } from "./fhir.search.ts";

const paramTypes: Record<string, string> = {
  _id: "token",
  identifier: "token",
  name: "string",
  family: "string",
  active: "token",
  organization: "reference",
  practitioner: "reference",
  specialty: "token",
  _lastUpdated: "date",
};

export function capabilityStatement(baseUrl: string, date: string) {
  const resource = (type: keyof typeof supportedParams) => ({
    type,
    interaction: [{ code: "read" }, { code: "vread" }, { code: "history-instance" }, { code: "search-type" }],
    versioning: "versioned",
    readHistory: true,
    searchParam: supportedParams[type]
      .filter((name) => name !== "_include")
      .map((name) => ({ name, type: paramTypes[name] ?? "token" })),
    ...(type === "PractitionerRole" ? { searchInclude: ["PractitionerRole:practitioner"] } : {}),
  });
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date,
    publisher: "ФРМР — личный кабинет",
    kind: "instance",
    implementation: {
      description: "ФРМР: medical workers, their employment and organizations",
      url: `${baseUrl}/fhir`,
    },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json"],
    rest: [
      {
        mode: "server",
        security: {
          service: [
            {
              coding: [
                { system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "OAuth" },
              ],
            },
          ],
          description: `OAuth 2.0 client credentials at ${baseUrl}/api/oauth/token; scopes persons.read (Practitioner), staff.read (PractitionerRole), organizations.read (Organization).`,
        },
        resource: [resource("Practitioner"), resource("PractitionerRole"), resource("Organization")],
      },
    ],
  };
}
