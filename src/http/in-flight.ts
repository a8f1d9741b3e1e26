// Requests whose handlers are still at work, for the graceful shutdown: closing the server only
// waits for connections, and a request cut off at the timeout still has its handler cleaning up
// (removing a staged upload) after its connection is gone. A reply counts as done once it is sent.
import type { FastifyInstance, FastifyRequest } from "fastify";

export interface InFlight {
  count(): number;
  /** Resolves once no handler is at work. */
  idle(): Promise<void>;
}

export function trackInFlight(app: FastifyInstance): InFlight {
  const open = new WeakSet<FastifyRequest>();
  let count = 0;
  let waiters: (() => void)[] = [];
  const done = (request: FastifyRequest) => {
    if (!open.delete(request)) return;
    count -= 1;
    if (count === 0) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  };
  app.addHook("onRequest", async (request) => {
    open.add(request);
    count += 1;
  });
  // onSend comes after the handler on success and on failure alike; onResponse covers a reply that
  // never reached it.
  app.addHook("onSend", async (request, _reply, payload) => {
    done(request);
    return payload;
  });
  app.addHook("onResponse", async (request) => done(request));
  return {
    count: () => count,
    idle: () => (count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
