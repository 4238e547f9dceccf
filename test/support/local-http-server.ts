import type { Server } from 'node:http';

/** Listens on 127.0.0.1 on a port the system picks (or on `port`, to come back where it was), as every emulator and test server does. */
export function listenLocally(server: Server, port = 0): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/** Closes the server at once, open keep-alive connections included. */
export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
