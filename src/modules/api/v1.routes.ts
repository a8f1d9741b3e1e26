// REST /api/v1 (C4, O17): persons, an organization's staff with keyset paging and writes of
// employment cards, accreditation status, organizations and the change feed. Thin: schemas in,
// service calls, problem details out.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifySchema } from "fastify";
import { Type } from "typebox";
import type { ErrorCode } from "../../shared/errors.ts";
import type { FieldError } from "../../ui/form.tsx";
import { idempotent, sendProblem, sendWithEtag } from "./api.http.ts";
import {
  AccreditationStatus,
  CardInput,
  ChangePage,
  CloseCard,
  Employment,
  NewStaffCard,
  OrganizationList,
  PersonCard,
  PersonList,
  Problem,
  StaffPage,
} from "./api.schemas.ts";
import type { ApiScope } from "./api.scopes.ts";
import type { ApiService, Outcome } from "./api.service.ts";

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 429: Problem };
const writeProblems = { ...problems, 409: Problem, 422: Problem };
const security = [{ oauth2: [] as string[] }];
const oid = Type.String({ pattern: "^[0-9]+(\\.[0-9]+)+$", maxLength: 100 });
const uuid = Type.String({ format: "uuid" });
const snils = Type.String({ pattern: "^\\d{3}-?\\d{3}-?\\d{3}[ -]?\\d{2}$" });
const day = Type.String({ format: "date" });
const idempotencyHeader = Type.Object({
  "idempotency-key": Type.String({ minLength: 8, maxLength: 100, description: "Unique per write" }),
});
const WrittenCard = Type.Object({ personId: uuid, card: Employment });

type Failure = { ok: false; code: ErrorCode; errors?: FieldError[] };
const failed = (reply: FastifyReply, outcome: Failure) => sendProblem(reply, outcome.code, outcome.errors);

/** A route's options: the scope it needs and its OpenAPI description, every one with the same security. */
const route = <Schema extends FastifySchema>(
  apiScope: ApiScope,
  tag: string,
  { summary, ...schema }: Schema & { summary: string },
) => ({ config: { apiScope }, schema: { tags: [tag], summary, security, ...schema } });

export function v1Routes(api: ApiService) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const caller = (request: { apiCaller: import("./api.policy.ts").ApiCaller | undefined }) => {
      if (!request.apiCaller) throw new Error("API route reached without a caller");
      return request.apiCaller;
    };
    const answer = <T>(reply: FastifyReply, outcome: Outcome<T>) =>
      outcome.ok ? reply.send(outcome.value) : failed(reply, outcome);
    const listed = <T>(reply: FastifyReply, outcome: Outcome<T[]>) =>
      outcome.ok ? reply.send({ items: outcome.value }) : failed(reply, outcome);
    const written = (outcome: Outcome<unknown>, status: number) =>
      outcome.ok
        ? { status, body: outcome.value }
        : { code: outcome.code, ...(outcome.errors ? { errors: outcome.errors } : {}) };

    app.get(
      "/persons",
      route("persons.read", "Persons", {
        summary: "Find persons by СНИЛС, or by last name, first name and birth date",
        querystring: Type.Object({
          snils: Type.Optional(snils),
          lastName: Type.Optional(Type.String({ maxLength: 60 })),
          firstName: Type.Optional(Type.String({ maxLength: 60 })),
          patronymic: Type.Optional(Type.String({ maxLength: 60 })),
          birthDate: Type.Optional(day),
        }),
        response: { 200: PersonList, ...problems },
      }),
      async (request, reply) => listed(reply, await api.searchPersons(caller(request), request.query)),
    );

    app.get(
      "/persons/:personId",
      route("persons.read", "Persons", {
        summary: "A person's card: specialties, certificates, accreditations, current employment",
        params: Type.Object({ personId: uuid }),
        response: { 200: PersonCard, 304: Type.Null(), ...problems },
      }),
      async (request, reply) => {
        const outcome = await api.personCard(caller(request), request.params.personId);
        return outcome.ok ? sendWithEtag(request, reply, outcome.value) : failed(reply, outcome);
      },
    );

    app.get(
      "/organizations/:frmoOid/staff",
      route("staff.read", "Staff", {
        summary: "The organization's staff with their cards there, in keyset pages",
        params: Type.Object({ frmoOid: oid }),
        querystring: Type.Object({
          cursor: Type.Optional(Type.String({ maxLength: 1000 })),
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
          updatedSince: Type.Optional(Type.String({ format: "date-time" })),
        }),
        response: { 200: StaffPage, ...problems },
      }),
      async (request, reply) =>
        answer(reply, await api.staffPage(caller(request), request.params.frmoOid, request.query)),
    );

    app.post(
      "/organizations/:frmoOid/staff",
      route("staff.write", "Staff", {
        summary: "Add an employment card (and the person, when the register has none with this СНИЛС)",
        params: Type.Object({ frmoOid: oid }),
        headers: idempotencyHeader,
        body: NewStaffCard,
        response: { 201: WrittenCard, ...writeProblems },
      }),
      async (request, reply) =>
        idempotent(request, reply, async () =>
          written(await api.createCard(caller(request), request.params.frmoOid, request.body), 201),
        ),
    );

    const cardParams = Type.Object({ frmoOid: oid, personId: uuid, cardId: uuid });
    app.put(
      "/organizations/:frmoOid/staff/:personId/cards/:cardId",
      route("staff.write", "Staff", {
        summary: "Change an employment card",
        params: cardParams,
        headers: idempotencyHeader,
        body: CardInput,
        response: { 200: WrittenCard, ...writeProblems },
      }),
      async (request, reply) => {
        const { frmoOid, personId, cardId } = request.params;
        return idempotent(request, reply, async () =>
          written(await api.updateCard(caller(request), frmoOid, personId, cardId, request.body), 200),
        );
      },
    );

    app.post(
      "/organizations/:frmoOid/staff/:personId/cards/:cardId/close",
      route("staff.write", "Staff", {
        summary: "Close an employment card: the last working day",
        params: cardParams,
        headers: idempotencyHeader,
        body: CloseCard,
        response: { 200: WrittenCard, ...writeProblems },
      }),
      async (request, reply) => {
        const { frmoOid, personId, cardId } = request.params;
        return idempotent(request, reply, async () =>
          written(await api.closeCard(caller(request), frmoOid, personId, cardId, request.body.endDate), 200),
        );
      },
    );

    app.get(
      "/accreditations",
      route("accreditations.read", "Accreditations", {
        summary: "Accreditation status by СНИЛС and specialty (НСИ 1.2.643.5.1.13.13.11.1066)",
        querystring: Type.Object({ snils, specialty: Type.String({ maxLength: 20 }) }),
        response: { 200: AccreditationStatus, ...problems },
      }),
      async (request, reply) =>
        answer(reply, await api.accreditation(caller(request), request.query.snils, request.query.specialty)),
    );

    app.get(
      "/organizations",
      route("organizations.read", "Organizations", {
        summary: "Organizations by ФРМО OID, ОГРН or ИНН",
        querystring: Type.Object({
          frmoOid: Type.Optional(oid),
          ogrn: Type.Optional(Type.String({ pattern: "^(\\d{13}|\\d{15})$" })),
          inn: Type.Optional(Type.String({ pattern: "^(\\d{10}|\\d{12})$" })),
        }),
        response: { 200: OrganizationList, ...problems },
      }),
      async (request, reply) => listed(reply, await api.organizations(caller(request), request.query)),
    );

    app.get(
      "/organizations/:frmoOid",
      route("organizations.read", "Organizations", {
        summary: "One organization by its ФРМО OID",
        params: Type.Object({ frmoOid: oid }),
        response: { 200: OrganizationList.properties.items.items, 304: Type.Null(), ...problems },
      }),
      async (request, reply) => {
        const outcome = await api.organizations(caller(request), { frmoOid: request.params.frmoOid });
        if (!outcome.ok) return failed(reply, outcome);
        const [organization] = outcome.value;
        return organization ? sendWithEtag(request, reply, organization) : sendProblem(reply, "NOT_FOUND");
      },
    );

    app.get(
      "/changes",
      route("staff.read", "Changes", {
        summary: "Changes of persons, employment cards, accreditations and organizations after a cursor",
        querystring: Type.Object({
          after: Type.Optional(
            Type.String({
              pattern: "^(0|\\d{1,19}\\.\\d{1,18})$",
              description: "The `next` of the previous page; 0 or absent for the beginning",
            }),
          ),
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
        }),
        response: { 200: ChangePage, ...problems },
      }),
      async (request, reply) =>
        answer(reply, await api.changes(caller(request), request.query.after, request.query.limit)),
    );
  };
}
