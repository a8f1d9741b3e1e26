import type { FastifyRequest } from "fastify";
import { viewerOf } from "../identity/viewer.ts";
import type { Actor } from "./register.policy.ts";

/** The signed-in person as the services see them; use after `requireViewer`. */
export function actorOf(request: FastifyRequest): Actor {
  const viewer = viewerOf(request);
  return { id: viewer.id, context: viewer.context, ip: request.ip };
}
