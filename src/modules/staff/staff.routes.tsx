// «Ввод данных» (O17): the staff list, adding a worker by СНИЛС, a worker's record with cards,
// education, certificates and categories. Thin: forms in, service calls, pages out.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { ErrorCode } from "../../shared/errors.ts";
import { isValidSnils, normalizeSnils } from "../../shared/identifiers.ts";
import type { FieldError } from "../../ui/form.tsx";
import { type CabinetActor, cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import { formBody } from "../organizations/form-body.ts";
import { loadRecord } from "../register/record.repository.ts";
import { countStaff, findCard, findStaffMember, listCardsIn, listStaff } from "./staff.repository.ts";
import type { StaffOutcome } from "./staff.service.ts";
import type { Input } from "./staff.validation.ts";
import { lookupLimitMessage } from "./staff-lookup.service.ts";
import { CardPage, cardValues } from "./views/card-page.tsx";
import { type AddStep, StaffAddPage } from "./views/staff-add-page.tsx";
import {
  buildStaffListView,
  pageNumber,
  parseStaffCursor,
  STAFF_PAGE_SIZE,
} from "./views/staff-list.view.ts";
import { StaffListPage } from "./views/staff-list-page.tsx";
import { StaffPersonPage } from "./views/staff-person-page.tsx";
import type { OpenForm } from "./views/staff-record-forms.tsx";

const personParams = Type.Object({ personId: Type.String({ format: "uuid" }) });
const cardParams = Type.Object({
  personId: Type.String({ format: "uuid" }),
  cardId: Type.String({ format: "uuid" }),
});
const listQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  dismissed: Type.Optional(Type.String()),
  page: Type.Optional(Type.String({ maxLength: 7 })),
  after: Type.Optional(Type.String({ maxLength: 400 })),
  count: Type.Optional(Type.String({ maxLength: 1 })),
});

export async function staffRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database, cabinet } = app.deps;
  const db = database.db;
  const view = cabinetRoute("staff.view");
  const edit = cabinetRoute("staff.edit");

  app.get("/org/staff", { preHandler: view, schema: { querystring: listQuery } }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const search = (request.query.q ?? "").trim();
    const includeDismissed = request.query.dismissed === "1";
    const cursor = parseStaffCursor(request.query.after);
    const page = cursor ? pageNumber(request.query.page) : 1;
    const filter = {
      organizationOid: actor.organization.frmoOid,
      today: actor.today,
      search,
      includeDismissed,
    };
    const [result, total] = await Promise.all([
      listStaff(db, { ...filter, limit: STAFF_PAGE_SIZE, after: cursor }),
      request.query.count === "1" ? countStaff(db, filter) : undefined,
    ]);
    const model = buildStaffListView(
      { ...result, total },
      {
        search,
        includeDismissed,
        page,
        after: cursor ? request.query.after : undefined,
        canEdit: actor.powers.has("staff.edit"),
      },
    );
    const shown = { view: model, flash: takeFlash(request) };
    return sendHtml(reply, <StaffListPage ctx={pageContext(request, reply)} actor={actor} {...shown} />);
  });

  /** Which step of «Добавить работника» a СНИЛС and a birth date lead to (audited and counted). */
  async function addStep(
    actor: CabinetActor,
    input: { snils?: string; birthDate?: string },
  ): Promise<{ step: AddStep; errors: FieldError[]; status: number }> {
    const found = await cabinet.staffLookup.lookup(actor, input);
    if (found.kind === "invalid") return { step: { kind: "lookup" }, errors: found.errors, status: 400 };
    if (found.kind === "limited")
      return {
        step: { kind: "lookup" },
        errors: [{ field: "snils", message: lookupLimitMessage }],
        status: 429,
      };
    return { step: found, errors: [], status: 200 };
  }

  /** «Добавить работника» at a step, with what the form holds and what is wrong with it. */
  const addPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    shown: { step: AddStep; values: Input; errors: readonly FieldError[] },
    status: number,
  ) =>
    sendHtml(
      reply,
      <StaffAddPage ctx={pageContext(request, reply)} actor={cabinetActorOf(request)} {...shown} />,
      status,
    );

  const entryStep = (snils: string | undefined): AddStep =>
    snils && isValidSnils(snils) ? { kind: "entry", snils, birthDate: "" } : { kind: "lookup" };

  app.get(
    "/org/staff/add",
    {
      preHandler: edit,
      schema: {
        querystring: Type.Object({
          snils: Type.Optional(Type.String({ maxLength: 30 })),
          birthDate: Type.Optional(Type.String({ maxLength: 30 })),
        }),
      },
    },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const { snils, birthDate } = request.query;
      const asked = snils !== undefined || birthDate !== undefined;
      const { step, errors, status } = asked
        ? await addStep(actor, request.query)
        : { step: { kind: "lookup" } as const, errors: [], status: 200 };
      return addPage(request, reply, { step, values: { snils, birthDate }, errors }, status);
    },
  );

  app.post("/org/staff/add", { preHandler: edit, schema: { body: formBody } }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    if (!actor.powers.has("staff.edit")) return sendError(request, reply, "FORBIDDEN");
    if (!(await cabinet.staffLookup.withinLimit(actor))) {
      const limited = [{ field: "snils", message: lookupLimitMessage }];
      return addPage(request, reply, { step: { kind: "lookup" }, values: {}, errors: limited }, 429);
    }
    const outcome = await cabinet.staff.addWorker(actor, request.body);
    if (outcome.ok) {
      setFlash(request, "Работник добавлен.");
      return reply.redirect(`/org/staff/${outcome.personId}`, 303);
    }
    if ("forbidden" in outcome) return sendError(request, reply, "FORBIDDEN");
    // The page again, with the name only if the looked-up birth date matches (a lookup like any other);
    // a form posted without a lookup gets the entry step, which tells nothing about the register.
    const snils = normalizeSnils(request.body.snils ?? "");
    const again = request.body.lookupBirthDate
      ? await addStep(actor, { snils: request.body.snils, birthDate: request.body.lookupBirthDate })
      : { step: entryStep(snils), errors: [], status: 400 };
    const errors = [...again.errors, ...outcome.errors];
    return addPage(
      request,
      reply,
      { step: again.step, values: request.body, errors },
      again.status === 429 ? 429 : 400,
    );
  });

  async function personPage(
    request: FastifyRequest,
    reply: FastifyReply,
    actor: CabinetActor,
    personId: string,
    open?: OpenForm,
  ) {
    const person = await findStaffMember(db, actor.organization.frmoOid, personId);
    if (!person) return sendError(request, reply, "NOT_FOUND");
    const [record, cards] = await Promise.all([
      loadRecord(db, person),
      listCardsIn(db, actor.organization.frmoOid, personId),
    ]);
    const shown = { record, cards, open, flash: takeFlash(request) };
    const page = <StaffPersonPage ctx={pageContext(request, reply)} actor={actor} {...shown} />;
    return sendHtml(reply, page, open ? 400 : 200);
  }

  /** A posted form's answer: the worker's page with the flash `done`, `refused` when the use case refused, or the form again with its errors. */
  function answerForm(
    request: FastifyRequest,
    reply: FastifyReply,
    answer: { personId: string; outcome: StaffOutcome; done: string; refused: ErrorCode },
    again: (errors: FieldError[]) => Promise<FastifyReply>,
  ): FastifyReply | Promise<FastifyReply> {
    const { outcome } = answer;
    if (outcome.ok) {
      setFlash(request, answer.done);
      return reply.redirect(`/org/staff/${answer.personId}`, 303);
    }
    if ("forbidden" in outcome) return sendError(request, reply, answer.refused);
    return again(outcome.errors);
  }

  app.get(
    "/org/staff/:personId",
    { preHandler: view, schema: { params: personParams }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      return personPage(request, reply, cabinetActorOf(request), request.params.personId);
    },
  );

  // The add forms of a worker's page: each posts here, and a refusal reopens its form with the errors.
  const addForms = {
    cards: { form: "card", run: cabinet.staff.addCard, done: "Место работы добавлено." },
    education: { form: "education", run: cabinet.staff.addEducation, done: "Образование внесено." },
    certificates: { form: "certificate", run: cabinet.staff.addCertificate, done: "Сертификат внесён." },
    categories: { form: "category", run: cabinet.staff.addCategory, done: "Категория внесена." },
  } as const;
  for (const [path, target] of Object.entries(addForms)) {
    app.post(
      `/org/staff/:personId/${path}`,
      { preHandler: edit, schema: { params: personParams, body: formBody }, attachValidation: true },
      async (request, reply) => {
        if (request.validationError) return sendError(request, reply, "NOT_FOUND");
        const actor = cabinetActorOf(request);
        const { personId } = request.params as { personId: string };
        const body = request.body as Input;
        if (!(await findStaffMember(db, actor.organization.frmoOid, personId)))
          return sendError(request, reply, "NOT_FOUND");
        const outcome: StaffOutcome = await target.run(actor, personId, body);
        return answerForm(
          request,
          reply,
          { personId, outcome, done: target.done, refused: "FORBIDDEN" },
          (errors) =>
            personPage(request, reply, actor, personId, { form: target.form, values: body, errors }),
        );
      },
    );
  }

  async function cardPage(
    request: FastifyRequest,
    reply: FastifyReply,
    personId: string,
    cardId: string,
    failed?: Partial<Record<"card" | "dismissal", { values: Input; errors: OpenForm["errors"] }>>,
  ) {
    const actor = cabinetActorOf(request);
    const [person, card] = await Promise.all([
      findStaffMember(db, actor.organization.frmoOid, personId),
      findCard(db, actor.organization.frmoOid, personId, cardId),
    ]);
    if (!person || !card) return sendError(request, reply, "NOT_FOUND");
    const personName = [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(" ");
    const page = (
      <CardPage
        ctx={pageContext(request, reply)}
        actor={actor}
        personName={personName}
        card={card}
        values={failed?.card?.values ?? cardValues(card)}
        errors={failed?.card?.errors ?? []}
        dismissal={failed?.dismissal ?? { values: {}, errors: [] }}
      />
    );
    return sendHtml(reply, page, failed ? 400 : 200);
  }

  app.get(
    "/org/staff/:personId/cards/:cardId",
    { preHandler: edit, schema: { params: cardParams }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      return cardPage(request, reply, request.params.personId, request.params.cardId);
    },
  );

  // The card's two forms: a refusal shows the card's page again with that form's values and errors.
  const cardForms = {
    "": { form: "card", run: cabinet.staff.changeCard, done: "Карточка сохранена." },
    "/dismiss": { form: "dismissal", run: cabinet.staff.dismiss, done: "Увольнение внесено." },
  } as const;
  for (const [path, target] of Object.entries(cardForms)) {
    app.post(
      `/org/staff/:personId/cards/:cardId${path}`,
      { preHandler: edit, schema: { params: cardParams, body: formBody }, attachValidation: true },
      async (request, reply) => {
        if (request.validationError) return sendError(request, reply, "NOT_FOUND");
        const { personId, cardId } = request.params as { personId: string; cardId: string };
        const body = request.body as Input;
        const outcome: StaffOutcome = await target.run(cabinetActorOf(request), personId, cardId, body);
        return answerForm(
          request,
          reply,
          { personId, outcome, done: target.done, refused: "NOT_FOUND" },
          (errors) => cardPage(request, reply, personId, cardId, { [target.form]: { values: body, errors } }),
        );
      },
    );
  }
}
