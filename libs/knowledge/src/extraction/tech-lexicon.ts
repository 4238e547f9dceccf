/**
 * Technologies by their display spelling. Chat writes them in any case ("we moved to postgres"), so
 * they are matched case-insensitively, except the names that are also everyday words (see below).
 */
const DISPLAY_NAMES = `
  Kubernetes Docker Podman Terraform Pulumi Ansible Helm Argo_CD ArgoCD Nginx Envoy Istio Linkerd Consul Vault Nomad
  Packer Vagrant Traefik HAProxy Caddy
  Postgres MySQL MariaDB SQLite MongoDB Redis Memcached Kafka RabbitMQ NATS Elasticsearch OpenSearch ClickHouse
  Cassandra DynamoDB BigQuery Snowflake Redshift Supabase Firebase CockroachDB TimescaleDB InfluxDB Neo4j Pinecone
  Solr Pulsar Kinesis Celery Sidekiq Airflow dbt Databricks Looker Tableau Metabase Superset Fivetran Debezium
  GraphQL gRPC Protobuf OAuth OpenID SAML JWT REST WebSockets JSON YAML CSS HTML Sass
  TypeScript JavaScript Python Golang Kotlin Scala Elixir Erlang Haskell Ruby PHP Java C++ C# Clojure OCaml Zig
  Node.js Deno Bun Next.js Nuxt Vue.js React Angular Svelte Tailwind Webpack Vite esbuild Jest Vitest Playwright
  Cypress Storybook ESLint Prettier npm pnpm Yarn PyPI Django Flask FastAPI Rails Laravel Spring_Boot Express.js
  NestJS Pandas NumPy PyTorch TensorFlow Jupyter Spark Hadoop Flink Ray
  GitHub GitLab Bitbucket Jenkins CircleCI Buildkite GitHub_Actions Travis_CI TeamCity Datadog Grafana Prometheus
  Loki Tempo Jaeger OpenTelemetry Sentry PagerDuty Opsgenie New_Relic Splunk Kibana Logstash Honeycomb Statuspage
  Jira Confluence Notion Figma Miro Asana Trello Linear HubSpot Salesforce Zendesk Intercom Stripe Twilio Segment
  Slack Okta Auth0 LaunchDarkly Postman Swagger OpenAPI Zoom Google_Meet Microsoft_Teams 1Password Bitwarden Recurly
  Chargebee Stripe_Billing Stripe_Tax Avalara Braintree Adyen PayPal Plaid Paddle Mailgun SendGrid Postmark
  MongoDB_Atlas TestFlight App_Store Play_Store Google_Play Expo EAS Xcode Gradle Fastlane React_Native Flutter
  SwiftUI Jetpack_Compose WatermelonDB Realm Face_ID Touch_ID Style_Dictionary Lucide Phosphor Heroicons Tailwind_CSS
  AWS GCP Azure Cloudflare Vercel Netlify Heroku Fly.io DigitalOcean Hetzner Google_Cloud Amazon_S3 S3 EC2 EKS ECS
  GKE AKS RDS Aurora CloudFront Route53 IAM SQS SNS Lambda CloudWatch Cloud_Run Cloud_SQL Pub/Sub
  OpenAI ChatGPT Anthropic Claude LLM LLMs Linux Ubuntu Debian Alpine Windows macOS iOS Android
`;

/** Other spellings of one technology, so the graph merges them. */
const SYNONYMS: Readonly<Record<string, string>> = {
  k8s: 'kubernetes',
  postgresql: 'postgres',
  psql: 'postgres',
  pg: 'postgres',
  mongo: 'mongodb',
  golang: 'go',
  nodejs: 'node.js',
  node: 'node.js',
  nextjs: 'next.js',
  vuejs: 'vue.js',
  reactjs: 'react',
  'react.js': 'react',
  'express.js': 'express',
  argocd: 'argo cd',
  'elastic search': 'elasticsearch',
  'gh actions': 'github actions',
  'google cloud platform': 'google cloud',
  llms: 'llm',
  websocket: 'websockets',
  rn: 'react native',
  'tailwind css': 'tailwind',
  ts: 'typescript',
  js: 'javascript',
};

/** Display names of the synonyms' targets that are not in the list themselves. */
const EXTRA_DISPLAY: Readonly<Record<string, string>> = { go: 'Go', express: 'Express', 'argo cd': 'Argo CD' };

/**
 * Names that are also everyday words ("react quickly", "go ahead", "a spark of", "in a vault"): a
 * technology only when written capitalized mid-sentence.
 */
const CAPITALIZED_ONLY: ReadonlySet<string> = new Set(
  `react go rust swift spark flask express rails spring ray vault consul nomad packer linear segment ruby java
   jest bun deno helm tempo loki notion slack lambda aurora celery claude windows alpine yarn ts js node pg rest
   zoom expo realm lucide phosphor paddle plaid eas css html json yaml rn`
    .trim()
    .split(/\s+/),
);

const DISPLAY = new Map<string, string>();
for (const raw of DISPLAY_NAMES.trim().split(/\s+/)) {
  const display = raw.replace(/_/g, ' ');
  DISPLAY.set(display.toLowerCase(), display);
}
for (const [key, display] of Object.entries(EXTRA_DISPLAY)) DISPLAY.set(key, display);
for (const extra of ['go', 'rust', 'swift']) DISPLAY.set(extra, extra[0].toUpperCase() + extra.slice(1));

const ALL_SPELLINGS = [...new Set([...DISPLAY.keys(), ...Object.keys(SYNONYMS)])];
/** Longest first so "github actions" wins over "github". */
const SPELLING_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}_./@#-])(?:${ALL_SPELLINGS.sort((a, b) => b.length - a.length)
    .map((spelling) => spelling.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}_#+]|\\.[\\p{L}\\p{N}]|-\\p{L})`,
  'giu',
);

export interface TechnologyMatch {
  /** Canonical lowercase name: the key's name part. */
  canonical: string;
  display: string;
  start: number;
  end: number;
}

/** Internal services as code names them: billing-api, auth-service, ledger-worker. */
const SERVICE_NAME =
  /(?<![\p{L}\p{N}_./@#-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:api|service|svc|worker|server|proxy|gateway|db|sdk|cli)(?![\p{L}\p{N}_/-])/gu;
/** Packages: @scope/name, or a known technology's plug-in (expo-sqlite, style-dictionary). */
const PACKAGE_NAME =
  /(?<![\p{L}\p{N}_./@#-])(?:@[a-z0-9-]+\/[a-z0-9][a-z0-9.-]*[a-z0-9]|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![\p{L}\p{N}_/-])/gu;
/** After these a capitalized-only name is a product ("Go app" is an app written in Go, named after it). */
const PRODUCT_NOUN_AFTER = /^\s+(?:app|apps|team|project)\b/i;

/** Technology names in the text, each match with its canonical name and display spelling. */
export function findTechnologies(text: string): TechnologyMatch[] {
  const found: TechnologyMatch[] = [];
  const add = (canonical: string, display: string, start: number, end: number): void => {
    if (found.some((other) => start < other.end && end > other.start)) return;
    found.push({ canonical, display, start, end });
  };
  for (const match of text.matchAll(SERVICE_NAME)) add(match[0], match[0], match.index, match.index + match[0].length);
  for (const match of text.matchAll(PACKAGE_NAME)) {
    const written = match[0];
    const spaced = written.replace(/-/g, ' ');
    if (isTechName(spaced)) {
      const canonical = canonicalTechnology(spaced);
      add(canonical, displayOf(canonical), match.index, match.index + written.length);
    } else if (written.startsWith('@') || isTechName(written.split('-')[0])) {
      add(written, written, match.index, match.index + written.length);
    }
  }
  for (const match of text.matchAll(SPELLING_PATTERN)) {
    const written = match[0];
    const lower = written.toLowerCase().replace(/\s+/g, ' ');
    const end = match.index + written.length;
    if (CAPITALIZED_ONLY.has(lower) && !isWrittenAsName(text, match.index, written)) continue;
    if (CAPITALIZED_ONLY.has(lower) && PRODUCT_NOUN_AFTER.test(text.slice(end))) continue;
    const canonical = canonicalTechnology(lower);
    add(canonical, displayOf(canonical), match.index, end);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "Go 1.24", "PG 16", "we use Rust": capitalized mid-sentence, in capitals, or with a version. */
function isWrittenAsName(text: string, start: number, written: string): boolean {
  if (!/^\p{Lu}/u.test(written)) return false;
  if (/^[\p{Lu}\p{N}]{2,}$/u.test(written)) return true;
  if (/^\s+v?\d/.test(text.slice(start + written.length))) return true;
  const before = text.slice(0, start).trimEnd();
  return before !== '' && !/[.!?:]$/.test(before);
}

/** True when a lowercase word is a known technology name. */
export function isTechName(lowercaseWord: string): boolean {
  return DISPLAY.has(lowercaseWord) || lowercaseWord in SYNONYMS;
}

/** The one name every spelling of a technology is merged under. */
export function canonicalTechnology(lowercaseName: string): string {
  return SYNONYMS[lowercaseName] ?? lowercaseName;
}

export function displayOf(canonical: string): string {
  return DISPLAY.get(canonical) ?? canonical;
}
