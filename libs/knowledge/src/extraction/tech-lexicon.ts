const words = (list: string): string[] => list.trim().split(/\s+/);

/**
 * Product and technology names that chat often writes in lowercase ("we moved to postgres"). Only
 * names that are not also everyday words: "react", "go" or "rust" would turn verbs into topics.
 */
const TECH_NAMES = words(`
  kubernetes docker terraform ansible helm argocd nginx envoy istio
  postgres mysql mariadb sqlite mongodb redis memcached kafka rabbitmq nats elasticsearch opensearch
  clickhouse cassandra dynamodb bigquery snowflake redshift supabase firebase
  graphql grpc protobuf oauth openid saml sso jwt webhook webhooks
  typescript javascript python golang kotlin scala elixir haskell nodejs node.js deno bun
  nextjs next.js nuxt vuejs vue.js reactjs react.js angular svelte tailwind webpack vite esbuild jest
  vitest playwright cypress storybook eslint prettier npm pnpm yarn pypi
  github gitlab bitbucket jenkins circleci buildkite datadog grafana prometheus sentry pagerduty opsgenie
  jira confluence figma miro asana trello hubspot salesforce zendesk intercom stripe twilio segment
  aws gcp azure cloudflare vercel netlify heroku fly.io openai chatgpt anthropic llm llms
`);

/** Spellings of one name, reduced to one key so the graph merges them. */
const SYNONYMS: Readonly<Record<string, string>> = {
  k8s: 'kubernetes',
  postgresql: 'postgres',
  psql: 'postgres',
  mongo: 'mongodb',
  golang: 'go',
  nodejs: 'node.js',
  nextjs: 'next.js',
  vuejs: 'vue.js',
  reactjs: 'react',
  'react.js': 'react',
};

const KNOWN = new Set([...TECH_NAMES, 'k8s', 'postgresql', 'psql', 'mongo']);

/** True when a lowercase word is a known product or technology name. */
export function isTechName(lowercaseWord: string): boolean {
  return KNOWN.has(lowercaseWord);
}

/** The key under which a normalized topic name is merged. */
export function canonicalTopic(normalizedName: string): string {
  return SYNONYMS[normalizedName] ?? normalizedName;
}
