// One-time messages shown on the page a post/redirect/get lands on («Изменения сохранены»).
import type { FastifyRequest } from "fastify";

export function setFlash(request: FastifyRequest, message: string): void {
  request.session.set("flash", message);
}

/** The pending message, removed from the session so that it is shown once. */
export function takeFlash(request: FastifyRequest): string | undefined {
  const message = request.session.data.flash;
  if (message !== undefined) request.session.set("flash", undefined);
  return message;
}
