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
