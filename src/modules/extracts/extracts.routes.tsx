// The extract's PDF for its owner, and the public checks: /verify/<number> from the QR code and
// /verify by СНИЛС and specialty, rate-limited against enumeration.
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { pageContext, sendHtml } from "../../http/render.ts";
import { checkIdentifier } from "../../shared/identifier-checks.ts";
import { normalizeSnils } from "../../shared/identifiers.ts";
import { cabinetActor, field, formBody, formValues, idParams } from "../applications/routes-support.ts";
import { contentDisposition } from "../documents/download.ts";
import { requireViewer } from "../identity/viewer.ts";
import { ExtractCheckPage, LookupPage } from "./views/verify-pages.tsx";

const publicRateLimit = { rateLimit: { max: 20, timeWindow: "1 minute" } };

export async function extractsRoutes(app: FastifyInstance): Promise<void> {
  const { extracts } = app.deps.accreditation;

  app.get<{ Params: { id: string } }>(
    "/lk/applications/:id/extract.pdf",
    { preHandler: requireViewer, schema: { params: idParams } },
    async (request, reply) => {
      const extract = await extracts.pdfFor(cabinetActor(request), request.params.id);
      if (!extract) return sendError(request, reply, "NOT_FOUND");
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", contentDisposition(`Выписка ${extract.number}.pdf`))
        .header("cache-control", "private, no-store")
        .send(extract.pdf);
    },
  );

  app.get<{ Params: { number: string } }>(
    "/verify/:number",
    { config: publicRateLimit, schema: { params: Type.Object({ number: Type.String({ maxLength: 32 }) }) } },
    async (request, reply) => {
      const found = await extracts.verify(request.params.number);
      const page = (
        <ExtractCheckPage ctx={pageContext(request, reply)} number={request.params.number} found={found} />
      );
      return sendHtml(reply, page, found ? 200 : 404);
    },
  );

  app.get("/verify", { config: publicRateLimit }, async (request, reply) =>
    sendHtml(reply, <LookupPage ctx={pageContext(request, reply)} specialties={extracts.specialties} />),
  );

  app.post<{ Body: Record<string, string> }>(
    "/verify",
    { config: { rateLimit: { max: 10, timeWindow: "1 minute" } }, schema: { body: formBody } },
    async (request, reply) => {
      const snils = normalizeSnils(field(request.body, "snils") ?? "");
      const specialty = field(request.body, "specialty") ?? "";
      const errors = [];
      const snilsCheck = checkIdentifier("snils", snils ?? "");
      if (!snilsCheck.ok) errors.push({ field: "snils", message: snilsCheck.message });
      if (!extracts.specialties.some((entry) => entry.code === specialty)) {
        errors.push({ field: "specialty", message: "Выберите специальность" });
      }
      const ctx = pageContext(request, reply);
      const values = formValues(request.body);
      if (errors.length > 0 || !snils) {
        return sendHtml(
          reply,
          <LookupPage ctx={ctx} specialties={extracts.specialties} values={values} errors={errors} />,
          400,
        );
      }
      const found = await extracts.lookup(snils, specialty);
      return sendHtml(
        reply,
        <LookupPage ctx={ctx} specialties={extracts.specialties} values={values} result={{ found }} />,
      );
    },
  );
}
