import { matchesOf } from './text-ranges';

export interface IdentifierMatch {
  name: string;
  start: number;
  end: number;
}

/** "@acme/ui-kit": a scoped package is a piece of software whatever it is called. */
const SCOPED_PACKAGE = /(?<![\p{L}\p{N}_./@-])@[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*[a-z0-9]/gu;
/** "ledger-sync 1.4.0", "auth_client v2.1": an identifier released under a version. */
const VERSIONED_IDENTIFIER =
  /(?<![\p{L}\p{N}_./@-])([a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)(?=\s+v?\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?\b)/gu;
/**
 * "routes-api", "invoice-worker", "search_svc": a kebab- or snake-case name whose last part says
 * what kind of software it is. Chat compounds ("on-call", "follow-up") end in no such part.
 */
const COMPONENT_IDENTIFIER =
  /(?<![\p{L}\p{N}_./@-])([a-z][a-z0-9]*(?:[-_][a-z0-9]+)*[-_](?:api|apis|ui|sdk|cli|svc|service|worker|workers|gateway|proxy|server|client|db|lib|bot|app|web|daemon|cron|queue|exporter|operator|controller))(?![\p{L}\p{N}_/-])/gu;

/** Names of software written the way code names it: scoped packages, versioned and component identifiers. */
export function findIdentifiers(text: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const pattern of [SCOPED_PACKAGE, VERSIONED_IDENTIFIER, COMPONENT_IDENTIFIER]) {
    for (const match of matchesOf(text, pattern)) {
      const name = match[1] ?? match[0];
      const start = match.index + match[0].indexOf(name);
      const end = start + name.length;
      if (found.some((other) => start < other.end && end > other.start)) continue;
      found.push({ name, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
