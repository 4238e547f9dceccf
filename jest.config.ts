import type { Config } from 'jest';
import { pathsToModuleNameMapper } from 'ts-jest';
import ts from 'typescript';

// Path aliases live in tsconfig.json, so they are read from there instead of being duplicated here.
const { config: tsconfig } = ts.readConfigFile('./tsconfig.json', ts.sys.readFile);
const paths = tsconfig?.compilerOptions?.paths ?? {};

const shared = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  transform: { '^.+\\.(t|j)s$': 'ts-jest' },
  moduleNameMapper: pathsToModuleNameMapper(paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
};

const config: Config = {
  // A worker keeps every module and transform of every test file it ran (VM modules): in one process the whole
  // suite outgrew Node's 4 GB heap. Past this limit Jest replaces the worker between test files. Setting it also
  // makes Jest use a worker process on a 2-core machine, where it would otherwise run the files in its own.
  workerIdleMemoryLimit: '1536MB',
  projects: [
    // Fast tests beside the code: no servers.
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,eval}/**/*.spec.ts'],
      // The web app's component tests run under Vitest (npm run web:check), in a browser-like DOM.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
    },
    // Tests against real servers: each suite starts its own nats-server and store.
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};

export default config;
